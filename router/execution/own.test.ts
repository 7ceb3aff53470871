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
    // Plain objects, as the executor uses (own-property reads and writes make them safe).
    const answer = '{"__proto__":{"polluted":"yes"},"ok":{"__proto__":{"polluted":"yes"}}}';
    const fresh: Record<string, unknown> = {};
    deepMerge(fresh, JSON.parse(answer));
    expect(JSON.stringify(fresh)).toBe(answer);
    const existing: Record<string, unknown> = { ok: {} };
    deepMerge(existing, JSON.parse(answer));
    expect(JSON.stringify(existing)).toBe(
      '{"ok":{"__proto__":{"polluted":"yes"}},"__proto__":{"polluted":"yes"}}',
    );
    for (const target of [fresh, existing]) expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
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
