import { type FieldNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/**
 * The fields at the top of a selection set, inline fragments and fragment spreads expanded (each
 * named fragment once; an unknown one is left to validation). What the introspection guard, the
 * operation limits and the executor's introspection check each need to know about an operation.
 *
 * Spec: https://spec.graphql.org/October2021/#CollectFields()
 */
export function rootFields(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
  out: FieldNode[] = [],
): FieldNode[] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet, fragments, seen, out);
    else {
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) continue;
      seen.add(s.name.value);
      rootFields(fragment.selectionSet, fragments, seen, out);
    }
  }
  return out;
}
