import {
  buildSchema,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { batchRefusal, keepLimitCodes, measureOperation, operationLimitsRule } from './operation-limits';

const schema = buildSchema(`
  type Query { project(id: ID!): Project, projects(first: Int = 10): ProjectConnection!, tags: [String!]!, all: [Project!]! }
  type ProjectConnection { edges: [ProjectEdge!]!, totalCount: Int! }
  type ProjectEdge { node: Project! }
  type Project { id: ID!, name: String!, owner: Project, reports: [Report!]!, children: [Project!]! }
  type Report { id: ID!, percent: Int! }
`);

function measure(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return measureOperation(schema, operation, fragments);
}

describe('measureOperation', () => {
  it('counts each field 1, a page by its `first`, a connection’s edges once, a plain list by 20', () => {
    // projects 1 + 5 × (edges 1 + node 1 + id 1 + reports 1 + 20 × percent 1)
    expect(measure('{ projects(first: 5) { edges { node { id reports { percent } } } } }')).toEqual({
      depth: 5,
      aliases: 0,
      rootFields: 1,
      cost: 1 + 5 * (1 + 1 + 1 + 1 + 20),
    });
  });

  it('uses the argument’s default without `first`, and a variable’s default or the largest page', () => {
    expect(measure('{ projects { totalCount edges { node { id } } } }').cost).toBe(1 + 10 * 4);
    expect(measure('query($n: Int = 3) { projects(first: $n) { edges { node { id } } } }').cost).toBe(
      1 + 3 * 3,
    );
    expect(measure('query($n: Int) { projects(first: $n) { edges { node { id } } } }').cost).toBe(
      1 + 100 * 3,
    );
  });

  it('expands fragments and inline fragments, counting aliases where they are spread', () => {
    const m = measure(`
      { a: project(id: 1) { ...P } b: project(id: 2) { ...P } __typename }
      fragment P on Project { ... on Project { x: id owner { name } } }
    `);
    expect(m).toEqual({ depth: 3, aliases: 4, rootFields: 2, cost: 2 * (1 + 1 + 2) + 1 });
  });

  it('measures a fragment bomb without expanding it (each fragment once)', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Project { owner { ...F${i + 1} ...F${i + 1} } }`,
    ).join('\n');
    const m = measure(`{ project(id: 1) { ...F0 } }\n${fragments}\nfragment F${levels} on Project { id }`);
    expect(m.depth).toBe(levels + 2);
    expect(m.cost).toBe(2 ** (levels + 1));
  });

  it('in introspection, `ofType` adds no depth and lists no multiplier', () => {
    expect(
      measure('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }'),
    ).toEqual({
      depth: 5,
      aliases: 0,
      rootFields: 1,
      cost: 8,
    });
  });

  it('never overflows to Infinity', () => {
    let inner = 'id';
    for (let i = 0; i < 30; i++) inner = `children { ${inner} }`;
    expect(measure(`{ all { ${inner} } }`).cost).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('operationLimitsRule', () => {
  const rule = operationLimitsRule({ maxDepth: 2, maxAliases: 1, maxRootFields: 1, maxCost: 10 });

  it('reports every limit exceeded, with the limit and the measure', () => {
    const errors = validate(schema, parse('{ a: tags b: project(id: 1) { owner { id } } }'), [rule]);
    expect(errors.map((e) => [e.message, e.extensions])).toEqual([
      [
        'The operation nests fields 3 deep; the limit is 2.',
        expect.objectContaining({ code: 'QUERY_TOO_DEEP', limit: 2, measured: 3 }),
      ],
      [
        'The operation uses 2 aliases; the limit is 1.',
        expect.objectContaining({ code: 'TOO_MANY_ALIASES', limit: 1, measured: 2 }),
      ],
      [
        'The operation selects 2 top-level fields; the limit is 1.',
        expect.objectContaining({ code: 'TOO_MANY_ROOT_FIELDS', limit: 1, measured: 2 }),
      ],
    ]);
  });

  it('passes an operation within every limit', () => {
    expect(validate(schema, parse('{ project(id: 1) { id } }'), [rule])).toEqual([]);
  });
});

describe('keepLimitCodes', () => {
  const format = keepLimitCodes((formatted) => formatted);

  it('puts a limit’s code back where Apollo wrote GRAPHQL_VALIDATION_FAILED', () => {
    const original = new GraphQLError('too deep', { extensions: { code: 'QUERY_TOO_DEEP', limit: 1 } });
    const wrapped = new GraphQLError('too deep', { originalError: original });
    expect(
      format({ message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 1 } }, wrapped),
    ).toEqual({ message: 'too deep', extensions: { code: 'QUERY_TOO_DEEP', limit: 1 } });
  });

  it('leaves graphql-js’s own validation errors alone', () => {
    const plain = new GraphQLError('Cannot query field "x"');
    const formatted = {
      message: 'Cannot query field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(format(formatted, new GraphQLError('x', { originalError: plain }))).toEqual(formatted);
  });
});

describe('batchRefusal', () => {
  it('refuses a JSON array body, not an object', () => {
    expect(batchRefusal(' [{"query":"{ a }"}]')?.extensions.code).toBe('BATCH_NOT_SUPPORTED');
    expect(batchRefusal('{"query":"{ a }"}')).toBeUndefined();
    expect(batchRefusal('')).toBeUndefined();
  });
});
