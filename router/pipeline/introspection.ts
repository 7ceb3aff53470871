import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Caller } from '../../kit/auth/caller';
import { urError } from '../../kit/errors/ur-error';
import type { RouterContext } from '../router-context';

/** Who may introspect the schema: everyone, authenticated clients and citizens, or nobody. */
export type IntrospectionMode = 'all' | 'authenticated' | 'off';

function asksIntrospection(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__schema' || s.name.value === '__type';
    if (s.kind === Kind.INLINE_FRAGMENT) return asksIntrospection(s.selectionSet, fragments, seen);
    const fragment = fragments[s.name.value];
    if (!fragment || seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    return asksIntrospection(fragment.selectionSet, fragments, seen);
  });
}

/** True when the operation's top level selects `__schema` or `__type` (`__typename` is not introspection). */
export function isIntrospection(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  return asksIntrospection(operation.selectionSet, fragments, new Set());
}

function mayIntrospect(mode: IntrospectionMode, caller: Caller): boolean {
  if (mode === 'all') return true;
  if (mode === 'off') return false;
  return caller.clientId !== null || caller.citizenId !== null;
}

/**
 * The introspection step. It depends on the caller, so it runs on every request (after the
 * document is resolved) rather than as a validation rule, whose verdict Apollo caches per document.
 * Apollo's own `introspection` switch stays on: this plugin decides.
 */
export function introspectionGuard(mode: IntrospectionMode): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      if (mode === 'all') return {};
      return {
        async didResolveOperation(rc) {
          if (mayIntrospect(mode, rc.contextValue.caller)) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of rc.document.definitions) {
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          }
          if (!rc.operation || !isIntrospection(rc.operation, fragments)) return;
          throw urError(
            'INTROSPECTION_DISABLED',
            mode === 'off'
              ? 'Schema introspection is off on this router; use the published supergraph schema.'
              : 'Schema introspection is for authenticated callers only; send a Bearer token.',
          );
        },
      };
    },
  };
}
