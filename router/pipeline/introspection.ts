import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../../kit/auth/caller';
import { urError } from '../../kit/errors/ur-error';
import type { RouterContext } from '../router-context';
import { rootFields } from './root-fields';

/** Who may introspect the schema: everyone, authenticated clients and citizens, or nobody. */
export type IntrospectionMode = 'all' | 'authenticated' | 'off';

/** True when the operation's top level selects `__schema` or `__type` (`__typename` is not introspection). */
export function isIntrospection(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): boolean {
  return rootFields(operation.selectionSet, fragments).some(
    (f) => f.name.value === '__schema' || f.name.value === '__type',
  );
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
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of rc.document.definitions) {
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
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
