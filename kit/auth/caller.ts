import { type Grant, POLICIES } from '../policy/requirement';

/**
 * Who is asking, as the router established it and as every subgraph receives it (signed).
 * A registered client acts for an agency; a citizen acts for themselves; an anonymous caller
 * has neither and sees only the public fields.
 */
export interface Caller {
  readonly clientId: string | null;
  readonly agency: string | null;
  /** Set when a citizen is authenticated as themselves (their own data tracker). */
  readonly citizenId: string | null;
  readonly scopes: readonly string[];
  /** A registered purpose the client is allowed, checked by the router before it signs. */
  readonly purpose: string | null;
  readonly caseNumber: string | null;
  readonly requestId: string;
}

export function anonymousCaller(requestId: string): Caller {
  return {
    clientId: null,
    agency: null,
    citizenId: null,
    scopes: [],
    purpose: null,
    caseNumber: null,
    requestId,
  };
}

/**
 * What a caller holds against the policy. `personal-data` is satisfied by a declared purpose:
 * the router refuses a purpose that is unregistered or not allowed before anything runs.
 */
export function grantOf(caller: Caller): Grant {
  return {
    authenticated: caller.clientId !== null || caller.citizenId !== null,
    scopes: new Set(caller.scopes),
    policies: caller.purpose ? new Set([POLICIES.personalData]) : new Set(),
  };
}
