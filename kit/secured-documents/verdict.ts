/**
 * The answer to "is this document genuine and in force?", the same online (verifyDocument,
 * verifyQrPayload) and offline (the CLI, the /verify page with a cached trust list), so a
 * person gets the same word wherever they check. The meanings are published with the enum.
 */
export const VERDICTS = {
  VALID: 'Genuine: signed by the issuer with a key valid at the time, unchanged, and in force.',
  TAMPERED:
    'Altered: the signature does not match the fields (or the document does not match its hash). Do not rely on anything it says.',
  UNKNOWN_ISSUER: 'Signed by an issuer or key that is not in the national trust list.',
  KEY_REVOKED:
    'The issuer revoked the key that signed it (e.g. the key leaked): no signature by that key counts.',
  REVOKED: 'Genuine, but the issuer withdrew it; the reasons say why and since when.',
  SUSPENDED: 'Genuine, but the issuer suspended it pending a decision; it may be reinstated.',
  EXPIRED: 'Genuine, but its validity has ended, or its key was not valid on the day it was signed.',
  NOT_FOUND: 'Nothing to verify: no document has that code, or the code or QR payload cannot be read.',
} as const;

export type Verdict = keyof typeof VERDICTS;

/**
 * When several findings apply, the verdict is the first of them in this order: the most
 * specific reason not to rely on the document wins (a withdrawn document is reported as
 * withdrawn even if it has also expired). Every finding is still listed in the reasons.
 */
export const VERDICT_PRECEDENCE: readonly Verdict[] = [
  'NOT_FOUND',
  'UNKNOWN_ISSUER',
  'TAMPERED',
  'REVOKED',
  'KEY_REVOKED',
  'SUSPENDED',
  'EXPIRED',
  'VALID',
];

export function strongest(verdicts: readonly Verdict[]): Verdict {
  for (const v of VERDICT_PRECEDENCE) if (verdicts.includes(v)) return v;
  return 'VALID';
}
