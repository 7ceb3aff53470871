import type { Caller } from '../kit/auth/caller';

/** Per-request state the router's pipeline shares: who is asking, and what happened. */
export interface RouterContext {
  readonly caller: Caller;
  /** The signed context for subgraphs, made once per request on first use. */
  contextToken(): Promise<string>;
  /** Subgraphs this operation called, in order of first call. */
  readonly subgraphsCalled: Set<string>;
}
