import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { execute, type GraphQLError, parse } from 'graphql';
import type { RouterContext } from '../router-context';
import { FallbackGateway } from './fallback-gateway';
import { PlanExecutor } from './plan-executor';

type Json = Record<string, unknown>;

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const CATALOG_SDL = `${LINK}
  type Query { items: [Item!]! item(id: ID!): Item }
  type Item @key(fields: "id") { id: ID! title: String! }`;
const REVIEWS_SDL = `${LINK}
  type Item @key(fields: "id") { id: ID! rating: Int }`;

const composed = composeServices([
  { name: 'catalog', url: 'http://catalog.test/graphql', typeDefs: parse(CATALOG_SDL) },
  { name: 'reviews', url: 'http://reviews.test/graphql', typeDefs: parse(REVIEWS_SDL) },
]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('; '));
const supergraphSdl = composed.supergraphSdl;
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

const TITLES: Record<string, string> = { '1': 'Dune', '2': 'Emma', '3': 'Ulysses' };
const RATINGS: Record<string, number> = { '1': 5, '2': 4, '3': 3 };

/** A subgraph run by graphql-js on its own schema, recording each call, its answer sent as JSON. */
function subgraph(sdl: string, resolvers: GraphQLResolverMap<unknown>) {
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  const calls: { query: string; variables: Json }[] = [];
  let failure: Error | undefined;
  const service: GraphQLDataSource<RouterContext> = {
    async process(options) {
      const query = options.request.query ?? '';
      const variables = (options.request.variables ?? {}) as Json;
      calls.push({ query, variables });
      if (failure) throw failure;
      const result = await execute({ schema, document: parse(query), variableValues: variables });
      return JSON.parse(JSON.stringify(result)) as GatewayGraphQLResponse;
    },
  };
  return {
    service,
    calls,
    failWith(error: Error) {
      failure = error;
    },
  };
}

/** The catalog answers `items` with these ids, in this order (repetitions included). */
function setup(itemIds: string[] = ['1', '2']) {
  const item = (id: string) => ({ id, title: TITLES[id] });
  const catalog = subgraph(CATALOG_SDL, {
    Query: {
      items: () => itemIds.map(item),
      item: (_: unknown, { id }: { id: string }) => (TITLES[id] ? item(id) : null),
    },
  });
  const reviews = subgraph(REVIEWS_SDL, {
    Item: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, rating: RATINGS[ref.id] ?? null }) },
  });
  const services: Record<string, GraphQLDataSource<RouterContext>> = {
    catalog: catalog.service,
    reviews: reviews.service,
  };
  const executor = new PlanExecutor(Supergraph.build(supergraphSdl), (name) => services[name]);
  const run = (query: string, cacheKey = query, variables: Json = {}, operationName?: string) =>
    executor.execute(
      {
        request: { query, variables, operationName },
        schema: apiSchema,
        context: {},
      } as unknown as GatewayGraphQLRequestContext<RouterContext>,
      parse(query),
      cacheKey,
    );
  return { executor, catalog, reviews, run };
}

const errorsOf = (errors: readonly GraphQLError[] | undefined) =>
  errors?.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions }));

/** The response keys of an object, recursively, in order (toEqual ignores key order). */
function keysOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysOf);
  if (value && typeof value === 'object')
    return Object.entries(value).map(([k, v]) => (v && typeof v === 'object' ? { [k]: keysOf(v) } : k));
  return value;
}

describe('PlanExecutor', () => {
  it("answers a query spanning both subgraphs in the operation's shape", async () => {
    const { catalog, reviews, run } = setup(['1', '2']);
    const result = await run(
      'query Shelf { items { r: rating title __typename id } one: item(id: "3") { rating } }',
    );
    expect(result).toEqual({
      data: {
        items: [
          { r: 5, title: 'Dune', __typename: 'Item', id: '1' },
          { r: 4, title: 'Emma', __typename: 'Item', id: '2' },
        ],
        one: { rating: 3 },
      },
    });
    expect(keysOf(result?.data)).toEqual([
      {
        items: [
          ['r', 'title', '__typename', 'id'],
          ['r', 'title', '__typename', 'id'],
        ],
      },
      { one: ['rating'] },
    ]);
    expect(catalog.calls).toHaveLength(1);
    // One entity fetch per Flatten: the list's items, then the single item.
    expect(reviews.calls.every((c) => c.query.includes('_entities(representations:$representations)'))).toBe(
      true,
    );
    expect(reviews.calls.map((c) => c.variables)).toEqual([
      {
        representations: [
          { __typename: 'Item', id: '1' },
          { __typename: 'Item', id: '2' },
        ],
      },
      { representations: [{ __typename: 'Item', id: '3' }] },
    ]);
  });

  it('sends only distinct representations for repeated entities, and answers every occurrence', async () => {
    const ids = ['1', '2', '1', '1', '3', '2', '1'];
    const { reviews, run } = setup(ids);
    const result = await run('{ items { id rating } }');
    expect(result).toEqual({ data: { items: ids.map((id) => ({ id, rating: RATINGS[id] })) } });
    expect(reviews.calls.map((c) => c.variables)).toEqual([
      {
        representations: [
          { __typename: 'Item', id: '1' },
          { __typename: 'Item', id: '2' },
          { __typename: 'Item', id: '3' },
        ],
      },
    ]);
  });

  it('compiles an operation once per cache key', async () => {
    const { executor, catalog, run } = setup(['1']);
    const query = '{ items { title rating } }';
    const first = await run(query, 'key-1');
    const second = await run(query, 'key-1');
    expect(executor.size).toBe(1);
    expect(second).toEqual(first);
    expect(first).toEqual({ data: { items: [{ title: 'Dune', rating: 5 }] } });
    expect(catalog.calls).toHaveLength(2);
    await run(query, 'key-2');
    expect(executor.size).toBe(2);
  });

  it('answers introspection-only operations from the API schema, calling no subgraph', async () => {
    const { executor, catalog, reviews, run } = setup();
    expect(await run('{ __schema { queryType { name } } }')).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect(
      await run('query Q { __typename ...T } fragment T on Query { __type(name: "Item") { name } }'),
    ).toEqual({
      data: { __typename: 'Query', __type: { name: 'Item' } },
    });
    expect(executor.size).toBe(2);
    expect(catalog.calls).toEqual([]);
    expect(reviews.calls).toEqual([]);
  });

  it('leaves introspection mixed with data, @defer and unknown operations to @apollo/gateway (undefined)', async () => {
    const { executor, catalog, reviews, run } = setup();
    expect(await run('{ __type(name: "Item") { name } items { id } }')).toBeUndefined();
    expect(await run('{ items { id ... @defer { rating } } }')).toBeUndefined();
    expect(await run('query A { items { id } }', 'named', {}, 'B')).toBeUndefined();
    // The decision is cached with the operation too.
    expect(await run('{ __type(name: "Item") { name } items { id } }')).toBeUndefined();
    expect(executor.size).toBe(3);
    expect(catalog.calls).toEqual([]);
    expect(reviews.calls).toEqual([]);
  });

  it('runs the operation named by operationName', async () => {
    const { run } = setup(['2']);
    const document = 'query Titles { items { title } } query Ratings { items { rating } }';
    expect(await run(document, 'ratings', {}, 'Ratings')).toEqual({ data: { items: [{ rating: 4 }] } });
    expect(await run(document, 'titles', {}, 'Titles')).toEqual({ data: { items: [{ title: 'Emma' }] } });
  });

  it('honours @include through the plan and the shape, with variables or their defaults', async () => {
    const { reviews, run } = setup(['1']);
    const query = 'query ($r: Boolean!) { items { title rating @include(if: $r) } }';
    expect(await run(query, 'q', { r: false })).toEqual({ data: { items: [{ title: 'Dune' }] } });
    expect(reviews.calls).toEqual([]);
    expect(await run(query, 'q', { r: true })).toEqual({ data: { items: [{ title: 'Dune', rating: 5 }] } });
    expect(reviews.calls).toHaveLength(1);
    const defaulted = 'query ($r: Boolean = true) { items { title rating @include(if: $r) } }';
    expect(await run(defaulted)).toEqual({ data: { items: [{ title: 'Dune', rating: 5 }] } });
    expect(reviews.calls).toHaveLength(2);
  });

  it('refuses variables that do not fit their declared types before any fetch', async () => {
    const { catalog, run } = setup();
    const result = await run('query ($id: ID!) { item(id: $id) { title } }', 'q', {});
    expect(errorsOf(result?.errors)).toEqual([
      {
        message: 'Variable "$id" of required type "ID!" was not provided.',
        path: undefined,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(result?.data).toBeUndefined();
    expect(catalog.calls).toEqual([]);
  });

  it('keeps the data of the subgraphs that answered when one fails', async () => {
    const { reviews, run } = setup(['1', '2']);
    reviews.failWith(new Error('connect ECONNREFUSED'));
    const result = await run('{ items { id title rating } }');
    expect(result?.data).toEqual({
      items: [
        { id: '1', title: 'Dune', rating: null },
        { id: '2', title: 'Emma', rating: null },
      ],
    });
    expect(errorsOf(result?.errors)).toEqual([
      { message: 'connect ECONNREFUSED', path: undefined, extensions: {} },
    ]);
    expect(result?.extensions).toBeUndefined();
  });

  it('reports value-completion problems in extensions when no subgraph error explains them', async () => {
    const { reviews, run } = setup(['1']);
    // A subgraph answering a rating that is not an Int.
    reviews.service.process = () =>
      Promise.resolve({ data: { _entities: [{ __typename: 'Item', rating: 'five' }] } });
    const result = await run('{ items { id rating } }');
    expect(result?.data).toEqual({ items: [{ id: '1', rating: null }] });
    expect(result?.errors).toBeUndefined();
    expect(errorsOf(result?.extensions?.valueCompletion as GraphQLError[])).toEqual([
      {
        message: 'Invalid value found for field rating.',
        path: ['items', 0, 'rating'],
        extensions: { code: 'INVALID_GRAPHQL' },
      },
    ]);
  });
});

describe('FallbackGateway', () => {
  it('loads @apollo/gateway only on first use, then runs what the executor left to it', async () => {
    const { executor, catalog, reviews } = setup(['1']);
    const services: Record<string, GraphQLDataSource<RouterContext>> = {
      catalog: catalog.service,
      reviews: reviews.service,
    };
    const fallback = new FallbackGateway({ supergraphSdl, buildService: (name) => services[name] as never });
    expect(fallback.loaded).toBe(false);
    const query = '{ __type(name: "Item") { name } items { id rating } }';
    const document = parse(query);
    const rc = {
      request: { query, variables: {} },
      schema: apiSchema,
      context: {},
      document,
      operation: document.definitions[0],
      operationName: null,
      queryHash: 'mixed',
      source: query,
      metrics: {},
      logger: console,
    } as unknown as GatewayGraphQLRequestContext<RouterContext>;
    expect(await executor.execute(rc, document, 'mixed')).toBeUndefined();
    expect(fallback.loaded).toBe(false);
    expect(await fallback.executor(rc)).toEqual({
      data: { __type: { name: 'Item' }, items: [{ id: '1', rating: 5 }] },
    });
    expect(fallback.loaded).toBe(true);
    expect(catalog.calls).toHaveLength(1);
    expect(reviews.calls).toHaveLength(1);
    await fallback.stop();
  });
});
