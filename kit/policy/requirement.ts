/**
 * An access requirement in the terms of the federation authorization directives
 * (https://www.apollographql.com/docs/graphos/routing/security/authorization):
 * `@authenticated`; `@requiresScopes(scopes: [[a, b], [c]])`, read as (a AND b) OR c; and
 * `@policy(policies: [[p]])`, named rules the router evaluates with request data, same algebra.
 */
export interface Requirement {
  readonly authenticated: boolean;
  /** Alternatives, any one of which suffices; every scope within one is needed. Empty: no scope needed. */
  readonly scopes: readonly (readonly string[])[];
  /** Same shape for named policies (see POLICIES). */
  readonly policies: readonly (readonly string[])[];
}

/** The named policies of the national graph. */
export const POLICIES = {
  /** Personal data: the request must declare a registered purpose the client is allowed. */
  personalData: 'personal-data',
} as const;

export const OPEN: Requirement = { authenticated: false, scopes: [], policies: [] };

export function isOpen(r: Requirement): boolean {
  return !r.authenticated && r.scopes.length === 0 && r.policies.length === 0;
}

/** (A1 OR A2) AND (B1 OR B2) = (A1∪B1) OR (A1∪B2) OR … */
function multiply(a: readonly (readonly string[])[], b: readonly (readonly string[])[]) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

/** Both requirements must hold. */
export function both(a: Requirement, b: Requirement): Requirement {
  if (isOpen(a)) return b;
  if (isOpen(b)) return a;
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: multiply(a.scopes, b.scopes),
    policies: multiply(a.policies, b.policies),
  };
}

/** What a caller has, against which requirements are evaluated. */
export interface Grant {
  readonly authenticated: boolean;
  readonly scopes: ReadonlySet<string>;
  /** Named policies this request satisfies. */
  readonly policies: ReadonlySet<string>;
}

export interface Verdict {
  readonly allowed: boolean;
  /** When denied: the scopes the caller lacks, for the alternative closest to being met. */
  readonly missingScopes: readonly string[];
  readonly missingPolicies: readonly string[];
  readonly needsAuthentication: boolean;
}

const ALLOWED: Verdict = {
  allowed: true,
  missingScopes: [],
  missingPolicies: [],
  needsAuthentication: false,
};

function closestMissing(
  alternatives: readonly (readonly string[])[],
  have: ReadonlySet<string>,
): readonly string[] {
  let closest: readonly string[] | undefined;
  for (const alternative of alternatives) {
    const missing = alternative.filter((s) => !have.has(s));
    if (missing.length === 0) return [];
    if (!closest || missing.length < closest.length) closest = missing;
  }
  return closest ?? [];
}

export function evaluate(r: Requirement, grant: Grant): Verdict {
  if (isOpen(r)) return ALLOWED;
  const needsAuthentication = r.authenticated && !grant.authenticated;
  const missingScopes = closestMissing(r.scopes, grant.scopes);
  const missingPolicies = closestMissing(r.policies, grant.policies);
  if (!needsAuthentication && missingScopes.length === 0 && missingPolicies.length === 0) return ALLOWED;
  return { allowed: false, missingScopes, missingPolicies, needsAuthentication };
}
