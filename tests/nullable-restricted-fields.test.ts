import { readFileSync } from 'node:fs';
import { buildASTSchema, getNamedType, isInterfaceType, isNonNullType, isObjectType, parse } from 'graphql';
import { Policy } from '../kit/policy/read-policy';
import { both, OPEN, type Requirement } from '../kit/policy/requirement';

/**
 * A field the router may deny must be nullable: a denied non-null field nulls its parent (GraphQL
 * null propagation), wiping out the rest of the answer instead of leaving it intact. The walk
 * follows every path from the root, carrying what the caller must already hold to get there,
 * and flags a non-null field that needs more. Fix a failure by making the field nullable.
 */
describe('supergraph shape', () => {
  const schema = buildASTSchema(parse(readFileSync('schema/supergraph.graphql', 'utf8')), {
    assumeValidSDL: true,
  });
  const policy = new Policy(schema);
  const key = (r: Requirement) => JSON.stringify(r);

  it('every field that can be denied on its path is nullable', () => {
    const offenders = new Set<string>();
    const seen = new Set<string>();
    const walk = (typeName: string, held: Requirement) => {
      const visit = `${typeName}|${key(held)}`;
      if (seen.has(visit)) return;
      seen.add(visit);
      const type = schema.getType(typeName);
      if (!(isObjectType(type) || isInterfaceType(type))) return;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (name.startsWith('_')) continue;
        const needed = both(held, policy.forField(typeName, name));
        if (key(needed) !== key(held) && isNonNullType(field.type)) offenders.add(`${typeName}.${name}`);
        walk(getNamedType(field.type).name, needed);
      }
    };
    // Mutations are left out: a refused mutation fails its operation, which is what a writer expects.
    walk('Query', OPEN);
    expect([...offenders].sort()).toEqual([]);
  });
});
