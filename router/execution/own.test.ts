import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { compileShape } from './compile-shape';
import { deepMerge } from './execute-plan';
import { shapeResponse } from './shape-response';

/** Keys chosen by callers (aliases) or subgraphs never reach Object.prototype or inherited members. */
describe('response keys named like Object.prototype members', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('a `__proto__` key in a subgraph answer is merged as a key, not into Object.prototype', () => {
    const target = Object.create(null) as Record<string, unknown>;
    deepMerge(target, JSON.parse('{"__proto__":{"polluted":"yes"},"ok":{"__proto__":{"polluted":"yes"}}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(target)).toBe(
      '{"__proto__":{"polluted":"yes"},"ok":{"__proto__":{"polluted":"yes"}}}',
    );
  });

  it('aliases `toString`, `constructor` and `__proto__` come back as fields', () => {
    const schema = buildSchema('type Query { items: [Item!]! } type Item { id: ID! title: String! }');
    const doc = parse('{ items { id toString: title constructor: title __proto__: title } }');
    const operation = doc.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION,
    ) as OperationDefinitionNode;
    const input = JSON.parse(
      '{"items":[{"__typename":"Item","id":"1","toString":"Dune","constructor":"Dune","__proto__":"Dune"}]}',
    ) as Record<string, unknown>;
    const { data, errors } = shapeResponse(input, compileShape(schema, operation, new Map()), 'Query', {});
    expect(errors).toEqual([]);
    expect(JSON.stringify(data)).toBe(
      '{"items":[{"id":"1","toString":"Dune","constructor":"Dune","__proto__":"Dune"}]}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
