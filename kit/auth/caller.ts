/**
 * Who is asking, as the router established it and as every subgraph receives it (signed).
 * An anonymous caller has no client and no scopes; it sees only the public fields.
 */
export interface Caller {
  readonly clientId: string | null;
  readonly agency: string | null;
  readonly scopes: readonly string[];
  readonly purpose: string | null;
  readonly caseNumber: string | null;
  readonly requestId: string;
}

export const ANONYMOUS_SCOPES: readonly string[] = [];

export function anonymousCaller(requestId: string): Caller {
  return {
    clientId: null,
    agency: null,
    scopes: ANONYMOUS_SCOPES,
    purpose: null,
    caseNumber: null,
    requestId,
  };
}
