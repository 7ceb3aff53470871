import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { Caller } from '../../kit/auth/caller';
import type { Policy } from '../../kit/policy/read-policy';
import { evaluate, POLICIES, type Verdict } from '../../kit/policy/requirement';
import { grantOf } from '../../kit/auth/caller';

/** One selection the caller may not read, and every response path it would have filled. */
export interface Denial {
  readonly coordinate: string;
  readonly verdict: Verdict;
  /** Response keys from the root to the denied field, with each field's type (for null bubbling). */
  readonly path: readonly { key: string; type: GraphQLOutputType }[];
  readonly node: FieldNode;
}

export interface Authorization {
  /** Schema coordinates the operation asks for (denied ones included), sorted, for the audit. */
  readonly requested: readonly string[];
  /** Coordinates of the denied fields, each once, sorted (audit, refusals, the plan's cache key). */
  readonly deniedFields: readonly string[];
  /** Whether any requested field carries personal data (the `personal-data` policy). */
  readonly personalData: boolean;
  readonly denials: readonly Denial[];
  /** The operation with every denied field replaced by a placeholder; the same document if none. */
  readonly document: DocumentNode;
}

/**
 * The policy step: walks the operation against the schema (fragments and inline fragments
 * expanded, aliases kept) and finds each field the caller may not read. Each is replaced by
 * `<responseKey>: __typename`, so the planner never fetches it while the response keeps its
 * shape and order; the result is nulled there afterwards (see nullify-denied-fields).
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  policy: Policy,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  caller: Caller,
): Authorization {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const grant = grantOf(caller);
  const denials: Denial[] = [];
  const deniedNodes = new Set<FieldNode>();
  const requested = new Set<string>();
  let personalData = false;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, path: Denial['path'], depth: number) => {
    if (depth > 64) return; // validation rejects cycles; this only bounds pathological nesting
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (t && isCompositeType(t)) walk(sel.selectionSet, t, path, depth + 1);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const t = f && schema.getType(f.typeCondition.name.value);
        if (f && t && isCompositeType(t)) walk(f.selectionSet, t, path, depth + 1);
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const here = [...path, { key: sel.alias?.value ?? name, type: field.type }];
      const requirement = policy.forField(parent.name, name);
      requested.add(`${parent.name}.${name}`);
      if (requirement.policies.some((alt) => alt.includes(POLICIES.personalData))) personalData = true;
      const verdict = evaluate(requirement, grant);
      if (!verdict.allowed) {
        denials.push({
          coordinate: `${parent.name}.${name}`,
          verdict,
          path: here,
          node: sel,
        });
        deniedNodes.add(sel);
        continue;
      }
      const named = getNamedType(field.type);
      if (sel.selectionSet && isCompositeType(named)) walk(sel.selectionSet, named, here, depth + 1);
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, [], 0);
  const fieldsRequested = [...requested].sort();
  if (!denials.length)
    return { requested: fieldsRequested, deniedFields: [], personalData, denials, document };

  const rewritten = visit(document, {
    Field(node) {
      if (!deniedNodes.has(node)) return undefined;
      return {
        ...node,
        alias: { kind: Kind.NAME, value: node.alias?.value ?? node.name.value },
        name: { kind: Kind.NAME, value: '__typename' },
        arguments: [],
        selectionSet: undefined,
      };
    },
  });
  const deniedFields = [...new Set(denials.map((d) => d.coordinate))].sort();
  return { requested: fieldsRequested, deniedFields, personalData, denials, document: rewritten };
}
