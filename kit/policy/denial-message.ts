import type { Verdict } from './requirement';

/** One wording for a denial, used by the router and by every subgraph: says what would allow it. */
export function denialMessage(coordinate: string, verdict: Verdict): string {
  const needs: string[] = [];
  if (verdict.missingScopes.length) needs.push(`scope ${verdict.missingScopes.join(' and ')}`);
  if (verdict.missingPolicies.includes('personal-data')) {
    needs.push('a declared purpose (ur-purpose header) for personal data');
  }
  if (!needs.length && verdict.needsAuthentication) needs.push('an authenticated client');
  return `${coordinate} needs ${needs.join(' and ')}.`;
}
