import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { type GraphQLSchema, isAbstractType } from 'graphql';
import { getOwn, setOwn } from './own';

type Json = Record<string, unknown>;

/** Builds an entity's representation (its `@key` and `@requires` fields), or `null` if it lacks them. */
export type RepresentationBuilder = (entity: Json) => Json | null;

/**
 * Compiles a fetch's `requires` selections once (per plan) into a function that picks an
 * entity's representation out of the data fetched so far. Type conditions are resolved against
 * the supergraph up front, so building a representation is a walk over plain objects.
 *
 * Spec: https://www.apollographql.com/docs/graphos/reference/federation/subgraph-spec#understanding-query_entities
 */
export function compileRepresentation(
  supergraph: GraphQLSchema,
  requires: readonly QueryPlanSelectionNode[],
): RepresentationBuilder {
  const possible = new Map<string, ReadonlySet<string>>();
  const typesOf = (name: string): ReadonlySet<string> => {
    let set = possible.get(name);
    if (!set) {
      const type = supergraph.getType(name);
      set = new Set(
        type && isAbstractType(type)
          ? [name, ...supergraph.getPossibleTypes(type).map((t) => t.name)]
          : [name],
      );
      possible.set(name, set);
    }
    return set;
  };
  const build = (source: unknown, selections: readonly QueryPlanSelectionNode[]): unknown => {
    if (source === null || typeof source !== 'object') return null;
    const obj = source as Json;
    const out: Json = {};
    for (const sel of selections) {
      if (sel.kind === 'InlineFragment') {
        if (!sel.typeCondition) continue;
        const typename = obj.__typename;
        if (typeof typename !== 'string' || !typesOf(sel.typeCondition).has(typename)) continue;
        const part = build(obj, sel.selections);
        if (part) Object.assign(out, part);
        continue;
      }
      const key = sel.alias ?? sel.name;
      const value = getOwn(obj, key);
      if (value === undefined) return null;
      if (Array.isArray(value)) {
        setOwn(out, key, sel.selections ? value.map((v) => build(v, sel.selections ?? [])) : value);
      } else if (sel.selections && value !== null) {
        setOwn(out, key, build(value, sel.selections));
      } else setOwn(out, key, value);
    }
    return out;
  };
  return (entity) => build(entity, requires) as Json | null;
}
