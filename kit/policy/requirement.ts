/**
 * An access requirement in the terms of the federation authorization directives
 * (https://www.apollographql.com/docs/graphos/routing/security/authorization):
 * `@authenticated`, and `@requiresScopes(scopes: [[a, b], [c]])`, read as (a AND b) OR c.
 */
export interface Requirement {
  readonly authenticated: boolean;
  /** Alternatives, any one of which suffices; every scope within one is needed. Empty: no scope needed. */
  readonly scopes: readonly (readonly string[])[];
}

export const OPEN: Requirement = { authenticated: false, scopes: [] };

export function isOpen(r: Requirement): boolean {
  return !r.authenticated && r.scopes.length === 0;
}

/** Both requirements must hold: alternatives multiply out. */
export function both(a: Requirement, b: Requirement): Requirement {
  if (isOpen(a)) return b;
  if (isOpen(b)) return a;
  let scopes: (readonly string[])[];
  if (a.scopes.length === 0) scopes = [...b.scopes];
  else if (b.scopes.length === 0) scopes = [...a.scopes];
  else scopes = a.scopes.flatMap((x) => b.scopes.map((y) => [...new Set([...x, ...y])]));
  return { authenticated: a.authenticated || b.authenticated, scopes };
}

export interface Verdict {
  readonly allowed: boolean;
  /** When denied: the scopes the caller lacks, for the alternative closest to being met. */
  readonly missingScopes: readonly string[];
  readonly needsAuthentication: boolean;
}

const ALLOWED: Verdict = { allowed: true, missingScopes: [], needsAuthentication: false };

export function evaluate(r: Requirement, authenticated: boolean, scopes: ReadonlySet<string>): Verdict {
  if (r.authenticated && !authenticated) {
    return { allowed: false, missingScopes: r.scopes[0] ?? [], needsAuthentication: true };
  }
  if (r.scopes.length === 0) return ALLOWED;
  let closest: readonly string[] | undefined;
  for (const alternative of r.scopes) {
    const missing = alternative.filter((s) => !scopes.has(s));
    if (missing.length === 0) return ALLOWED;
    if (!closest || missing.length < closest.length) closest = missing;
  }
  return { allowed: false, missingScopes: closest ?? [], needsAuthentication: !authenticated };
}
