import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { anonymousCaller } from '../../kit/auth/caller';
import { signContext } from '../../kit/auth/context-token';
import type { RouterContext } from '../router-context';

/** What an operation answered: GraphQL's `data` and `errors`, already through `formatError`. */
export interface ExecuteResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
}

/** Runs one operation through the router's whole pipeline (policy, signed subgraph calls, audit). */
export type Execute = (query: string, variables: Record<string, unknown>) => Promise<ExecuteResult>;

/**
 * Operations for the router's public pages (/verify, /trust-list.json), run as an anonymous
 * caller with a request ID of their own: permission-checked, signed and audited exactly like an
 * anonymous POST to /graphql, so a page can show nothing an anonymous client could not read.
 */
export function anonymousExecute(apollo: ApolloServer<RouterContext>, contextKey: Uint8Array): Execute {
  return async (query, variables) => {
    const caller = anonymousCaller(randomUUID());
    let token: Promise<string> | undefined;
    const response = await apollo.executeOperation(
      { query, variables },
      {
        contextValue: {
          caller,
          contextToken: () => (token ??= signContext(caller, contextKey)),
          subgraphsCalled: new Set<string>(),
          subjects: new Set<string>(),
        },
      },
    );
    if (response.body.kind !== 'single') {
      throw new Error('A public page received an incremental (@defer/@stream) answer; it reads one result.');
    }
    const { data, errors } = response.body.singleResult;
    return { data, errors };
  };
}
