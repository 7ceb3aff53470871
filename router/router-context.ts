import type { Caller } from '../kit/auth/caller';
import type { Authorization } from './pipeline/authorize-operation';
import type { RequestRecord } from './pipeline/observability';

/** Per-request state the router's pipeline shares: who is asking, and what happened. */
export interface RouterContext {
  readonly caller: Caller;
  /** The signed context for subgraphs, made once per request on first use. */
  contextToken(): Promise<string>;
  /** Subgraphs this operation called, in order of first call. */
  readonly subgraphsCalled: Set<string>;
  /** National IDs whose personal data the subgraphs reported returning. */
  readonly subjects: Set<string>;
  /** The policy step's findings, for the audit. */
  authorization?: Authorization;
  /** What metrics and the request's log line report (absent for the router's own pages). */
  readonly record?: RequestRecord;
}
