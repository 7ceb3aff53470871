import type {
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
} from '@apollo/gateway/dist/datasources/types';
import type { FetchNode, PlanNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSchema, type GraphQLError, OperationTypeNode } from 'graphql';
import type { RouterContext } from '../router-context';
import { deepMerge, executePlan, type PlanRun } from './execute-plan';
import { compileRepresentation } from './representations';

type Json = Record<string, unknown>;

const supergraph = buildSchema(`
  type Item { id: ID! name: String }
  type Shelf { items: [Item] }
  type Query { items: [Item] shelves: [Shelf] }
`);

/** A subgraph that records the variables of each call and answers with `answer`. */
function fakeService(answer: (variables: Json) => GatewayGraphQLResponse | Promise<GatewayGraphQLResponse>) {
  const calls: Json[] = [];
  const options: GraphQLDataSourceProcessOptions<RouterContext>[] = [];
  const service: GraphQLDataSource<RouterContext> = {
    async process(o) {
      options.push(o);
      const variables = (o.request.variables ?? {}) as Json;
      calls.push(variables);
      return answer(variables);
    },
  };
  return { service, calls, options };
}

/** Answers an `_entities` fetch with a name made from each representation's id. */
function namesService() {
  return fakeService((variables) => ({
    data: {
      _entities: (variables.representations as Json[]).map((r) => ({ name: `name-${String(r.id)}` })),
    },
  }));
}

function rootFetch(serviceName: string, variableUsages: string[] = []): FetchNode {
  return {
    kind: 'Fetch',
    serviceName,
    variableUsages,
    operation: `query Root__${serviceName}__0{items{__typename id}}`,
    operationName: `Root__${serviceName}__0`,
    operationKind: OperationTypeNode.QUERY,
  };
}

const itemKey: QueryPlanSelectionNode[] = [
  {
    kind: 'InlineFragment',
    typeCondition: 'Item',
    selections: [
      { kind: 'Field', name: '__typename' },
      { kind: 'Field', name: 'id' },
    ],
  },
];

function entityFetch(serviceName: string): FetchNode {
  return {
    kind: 'Fetch',
    serviceName,
    requires: itemKey,
    variableUsages: [],
    operation: `query Root__${serviceName}__1($representations:[_Any!]!){_entities(representations:$representations){...on Item{name}}}`,
    operationName: `Root__${serviceName}__1`,
    operationKind: OperationTypeNode.QUERY,
  };
}

/** Items as the root fetch answers them, by id (`null` for a null item). */
function items(...ids: (string | null)[]): Json[] {
  return ids.map((id) => (id === null ? null : { __typename: 'Item', id })) as Json[];
}

const requestContext = { context: {} } as unknown as GatewayGraphQLRequestContext<RouterContext>;

function planRun(
  services: Record<string, GraphQLDataSource<RouterContext>>,
  variables: Json = {},
): PlanRun & { errors: GraphQLError[]; root: Json } {
  return {
    services: (name) => services[name],
    requestContext,
    variables,
    representationOf: (fetch) => compileRepresentation(supergraph, fetch.requires ?? []),
    errors: [],
    root: {},
  };
}

const errorsOf = (run: PlanRun) => run.errors.map((e) => e.toJSON());

/** Root fetch on `catalog`, then the names of `items.@` from `names`. */
const itemsThenNames: PlanNode = {
  kind: 'Sequence',
  nodes: [
    rootFetch('catalog', ['first']),
    { kind: 'Flatten', path: ['items', '@'], node: entityFetch('names') },
  ],
};

describe('executePlan', () => {
  it('sends each distinct representation once and merges the answer into every occurrence', async () => {
    const catalog = fakeService(() => ({ data: { items: items('1', '1', '2', null, '1', '3', '2') } }));
    const names = namesService();
    const run = planRun({ catalog: catalog.service, names: names.service }, { first: 7, unused: true });
    await executePlan(run, itemsThenNames);
    expect(catalog.calls).toEqual([{ first: 7 }]);
    expect(names.calls).toEqual([
      {
        representations: [
          { __typename: 'Item', id: '1' },
          { __typename: 'Item', id: '2' },
          { __typename: 'Item', id: '3' },
        ],
      },
    ]);
    const named = (id: string) => ({ __typename: 'Item', id, name: `name-${id}` });
    expect(run.root).toEqual({
      items: [named('1'), named('1'), named('2'), null, named('1'), named('3'), named('2')],
    });
    expect(run.errors).toEqual([]);
  });

  it('passes the fetch operation, its name and the request context to the service', async () => {
    const catalog = fakeService(() => ({ data: { items: [] } }));
    const names = namesService();
    await executePlan(planRun({ catalog: catalog.service, names: names.service }), itemsThenNames);
    expect(catalog.options).toHaveLength(1);
    expect(catalog.options[0]).toMatchObject({
      request: { query: 'query Root__catalog__0{items{__typename id}}', operationName: 'Root__catalog__0' },
      context: requestContext.context,
    });
    expect(
      catalog.options[0]?.kind === 'incoming operation' && catalog.options[0].incomingRequestContext,
    ).toBe(requestContext);
    // No items: no entity fetch at all.
    expect(names.calls).toEqual([]);
  });

  it('skips entities without their key fields and sends nothing when none has them', async () => {
    const catalog = fakeService(() => ({ data: { items: [{ __typename: 'Item' }, { id: '1' }, null] } }));
    const names = namesService();
    const run = planRun({ catalog: catalog.service, names: names.service });
    await executePlan(run, itemsThenNames);
    expect(names.calls).toEqual([]);
    expect(run.root).toEqual({ items: [{ __typename: 'Item' }, { id: '1' }, null] });
  });

  it('follows a list path through several levels', async () => {
    const catalog = fakeService(() => ({
      data: { shelves: [{ items: items('1', '2') }, null, { items: items('2', '3') }, { items: null }] },
    }));
    const names = namesService();
    const run = planRun({ catalog: catalog.service, names: names.service });
    await executePlan(run, {
      kind: 'Sequence',
      nodes: [
        rootFetch('catalog'),
        { kind: 'Flatten', path: ['shelves', '@', 'items', '@'], node: entityFetch('names') },
      ],
    });
    expect(names.calls).toEqual([
      {
        representations: [
          { __typename: 'Item', id: '1' },
          { __typename: 'Item', id: '2' },
          { __typename: 'Item', id: '3' },
        ],
      },
    ]);
    const named = (id: string) => ({ __typename: 'Item', id, name: `name-${id}` });
    expect(run.root).toEqual({
      shelves: [
        { items: [named('1'), named('2')] },
        null,
        { items: [named('2'), named('3')] },
        { items: null },
      ],
    });
  });

  it('runs the Condition branch its variable picks', async () => {
    const plan: PlanNode = {
      kind: 'Condition',
      condition: 'detailed',
      ifClause: rootFetch('detailed'),
      elseClause: rootFetch('brief'),
    };
    const detailed = fakeService(() => ({ data: { items: items('1') } }));
    const brief = fakeService(() => ({ data: { items: items('2') } }));
    const services = { detailed: detailed.service, brief: brief.service };

    const yes = planRun(services, { detailed: true });
    await executePlan(yes, plan);
    expect(yes.root).toEqual({ items: items('1') });

    const no = planRun(services, { detailed: false });
    await executePlan(no, plan);
    expect(no.root).toEqual({ items: items('2') });

    const missing = planRun(services);
    await executePlan(missing, { kind: 'Condition', condition: 'detailed', ifClause: rootFetch('detailed') });
    expect(missing.root).toEqual({});

    expect(detailed.calls).toEqual([{}]);
    expect(brief.calls).toEqual([{}]);
  });

  it('runs Parallel children and merges their answers', async () => {
    const a = fakeService(() => ({ data: { items: items('1', '2') } }));
    const b = fakeService(() => ({ data: { shelves: [] } }));
    const run = planRun({ a: a.service, b: b.service });
    await executePlan(run, { kind: 'Parallel', nodes: [rootFetch('a'), rootFetch('b')] });
    expect(run.root).toEqual({ items: items('1', '2'), shelves: [] });
  });

  it('adds serviceName to subgraph errors, and DOWNSTREAM_SERVICE_ERROR when they have no code', async () => {
    const catalog = fakeService(() => ({
      data: { items: items('1') },
      errors: [
        { message: 'boom', path: ['items', 0, 'id'] },
        { message: 'not allowed', extensions: { code: 'FORBIDDEN', reason: 'scope' } },
        { message: '' },
      ],
    }));
    const run = planRun({ catalog: catalog.service });
    await executePlan(run, rootFetch('catalog'));
    expect(errorsOf(run)).toEqual([
      {
        message: 'boom',
        path: ['items', 0, 'id'],
        extensions: { serviceName: 'catalog', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
      { message: 'not allowed', extensions: { code: 'FORBIDDEN', reason: 'scope', serviceName: 'catalog' } },
      {
        message: 'Error while fetching subquery from service "catalog"',
        extensions: { serviceName: 'catalog', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
    ]);
    expect(run.root).toEqual({ items: items('1') });
  });

  it('maps an entity error path to the first occurrence of its distinct representation', async () => {
    const catalog = fakeService(() => ({ data: { items: items('1', '1', null, '2', '2', '3') } }));
    const names = fakeService(() => ({
      data: { _entities: [{ name: 'name-1' }, null, { name: 'name-3' }] },
      errors: [
        { message: 'no name for 2', path: ['_entities', 1, 'name'] },
        { message: 'entity 2 is gone', path: ['_entities', 1] },
      ],
    }));
    const run = planRun({ catalog: catalog.service, names: names.service });
    await executePlan(run, itemsThenNames);
    expect(errorsOf(run)).toEqual([
      {
        message: 'no name for 2',
        path: ['items', 3, 'name'],
        extensions: { serviceName: 'names', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
      {
        message: 'entity 2 is gone',
        path: ['items', 3],
        extensions: { serviceName: 'names', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
    ]);
    const named = (id: string) => ({ __typename: 'Item', id, name: `name-${id}` });
    expect(run.root).toEqual({ items: [named('1'), named('1'), null, ...items('2', '2'), named('3')] });
  });

  it('maps entity error paths through several list levels', async () => {
    const catalog = fakeService(() => ({
      data: { shelves: [{ items: items('1', '2') }, { items: items('2', '1', '3') }] },
    }));
    const names = fakeService(() => ({
      data: { _entities: [null, null, null] },
      errors: [{ message: 'no 3', path: ['_entities', 2, 'name'] }],
    }));
    const run = planRun({ catalog: catalog.service, names: names.service });
    await executePlan(run, {
      kind: 'Sequence',
      nodes: [
        rootFetch('catalog'),
        { kind: 'Flatten', path: ['shelves', '@', 'items', '@'], node: entityFetch('names') },
      ],
    });
    expect(errorsOf(run)).toEqual([
      {
        message: 'no 3',
        path: ['shelves', 1, 'items', 2, 'name'],
        extensions: { serviceName: 'names', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
    ]);
  });

  it('turns a service that throws into one error and keeps the rest of the data', async () => {
    const catalog = fakeService(() => ({ data: { items: items('1', '2') } }));
    const names = fakeService(() => Promise.reject(new Error('connect ECONNREFUSED')));
    const other = fakeService(() => ({ data: { shelves: [] } }));
    const run = planRun({ catalog: catalog.service, names: names.service, other: other.service });
    await executePlan(run, { kind: 'Parallel', nodes: [itemsThenNames, rootFetch('other')] });
    expect(errorsOf(run)).toEqual([{ message: 'connect ECONNREFUSED' }]);
    expect(run.root).toEqual({ items: items('1', '2'), shelves: [] });
  });

  it('reports an unknown service and an _entities answer of the wrong length', async () => {
    const catalog = fakeService(() => ({ data: { items: items('1', '2') } }));
    const names = fakeService(() => ({ data: { _entities: [{ name: 'only one' }] } }));
    const run = planRun({ catalog: catalog.service, names: names.service });
    await executePlan(run, {
      kind: 'Sequence',
      nodes: [itemsThenNames, rootFetch('nowhere')],
    });
    expect(errorsOf(run)).toEqual([
      { message: 'Expected "data._entities" to contain 2 elements' },
      { message: 'Couldn\'t find service with name "nowhere"' },
    ]);
    expect(run.root).toEqual({ items: items('1', '2') });
  });
});

describe('deepMerge', () => {
  it('merges objects, merges same-length lists by position and replaces the rest', () => {
    const target: Json = {
      a: { x: 1, y: { z: 1 } },
      same: [{ id: 1 }, 2, { id: 3 }],
      other: [{ id: 1 }],
      leaf: 1,
      kept: 'k',
    };
    deepMerge(target, {
      a: { y: { w: 2 }, v: 3 },
      same: [{ name: 'one' }, 'two', null],
      other: [{ name: 'a' }, { name: 'b' }],
      leaf: { now: 'object' },
      skipped: undefined,
    });
    expect(target).toEqual({
      a: { x: 1, y: { z: 1, w: 2 }, v: 3 },
      same: [{ id: 1, name: 'one' }, 'two', null],
      other: [{ name: 'a' }, { name: 'b' }],
      leaf: { now: 'object' },
      kept: 'k',
    });
    deepMerge(target, null);
    expect(target.kept).toBe('k');
  });
});
