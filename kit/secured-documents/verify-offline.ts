import { sha256Hex } from './content-hash';
import { baghdadDate } from './baghdad-date';
import { asStatement, parseQrPayload } from './qr-payload';
import { isSignatureValid, type SignedStatement } from './statement';
import { findIssuer, findKey, isRevoked, keyCovers, type TrustedIssuer, type TrustList } from './trust-list';
import { strongest, type Verdict } from './verdict';
import { parseVerificationCode, verificationCodeOf } from './verification-code';

/**
 * Verifies a QR payload with nothing but a trust list and a clock: what the offline CLI, the
 * router's /verify page and the subgraph itself all run, so the three cannot disagree. Pure:
 * no I/O, `now` is given. Never throws; whatever is wrong becomes a verdict and its reasons.
 */
export interface OfflineVerification {
  readonly verdict: Verdict;
  /** Set only when the signature verified: a tampered payload's claims are not repeated as fact. */
  readonly issuer: TrustedIssuer | null;
  readonly issuedAt: string | null;
  readonly documentId: string | null;
  readonly title: string | null;
  readonly titleEn: string | null;
  readonly fields: Readonly<Record<string, string>> | null;
  readonly validUntil: string | null;
  /** The code that belongs to this payload's signature (printed beside the QR code). */
  readonly verificationCode: string | null;
  /** Why the verdict is not VALID, one finding per entry; empty for VALID. */
  readonly reasons: readonly string[];
}

export interface OfflineOptions {
  /** The full document, when the verifier has it: its SHA-256 must be the signed contentHash. */
  readonly content?: Uint8Array;
  /** The verification code printed on the paper: it must be the one of this signature. */
  readonly code?: string;
}

const nothing = {
  issuer: null,
  issuedAt: null,
  documentId: null,
  title: null,
  titleEn: null,
  fields: null,
  validUntil: null,
} as const;

export function verifyOffline(
  payload: string,
  trustList: TrustList,
  now: Date,
  options: OfflineOptions = {},
): OfflineVerification {
  const read = parseQrPayload(payload);
  if (!read.ok) return { verdict: 'NOT_FOUND', ...nothing, verificationCode: null, reasons: [read.problem] };
  const verificationCode = verificationCodeOf(read.signature);
  const refuse = (verdict: Verdict, reason: string): OfflineVerification => ({
    verdict,
    ...nothing,
    verificationCode,
    reasons: [reason],
  });

  const issuer = findIssuer(trustList, read.issuerId);
  if (!issuer)
    return refuse('UNKNOWN_ISSUER', `Issuer "${read.issuerId}" is not in the national trust list.`);
  const key = findKey(issuer, read.keyId);
  if (!key) {
    return refuse(
      'UNKNOWN_ISSUER',
      `Key "${read.keyId}" is not one of ${issuer.nameEn}'s keys in the national trust list.`,
    );
  }
  if (!isSignatureValid(read.signed, read.signature, key.publicKey)) {
    return refuse(
      'TAMPERED',
      `The signature does not match the fields: the payload was altered after ${issuer.nameEn} signed it, or was never signed by it.`,
    );
  }
  const parsed = asStatement(read.signed);
  if (!parsed.ok) return refuse('TAMPERED', parsed.problem);
  const statement: SignedStatement = parsed.statement;
  if (options.content && sha256Hex(options.content) !== statement.contentHash) {
    return refuse('TAMPERED', 'The document given does not match the signed hash of the full document.');
  }
  if (options.code !== undefined) {
    const code = parseVerificationCode(options.code);
    if (!code.ok || code.code !== verificationCode) {
      return refuse('TAMPERED', `The verification code ${options.code} does not belong to this QR code.`);
    }
  }

  const findings: { verdict: Verdict; reason: string }[] = [];
  const revocation = trustList.revocations.find(
    (r) => r.documentId === statement.documentId && r.issuerId === statement.issuerId,
  );
  if (revocation) {
    findings.push({
      verdict: revocation.status,
      reason: `${revocation.status === 'REVOKED' ? 'Revoked' : 'Suspended'} by ${issuer.nameEn} on ${revocation.since.slice(0, 10)}: ${revocation.reason}`,
    });
  }
  if (isRevoked(key, now)) {
    findings.push({
      verdict: 'KEY_REVOKED',
      reason: `${issuer.nameEn} revoked key ${key.keyId} on ${(key.revokedAt as string).slice(0, 10)}: ${key.revocationReason ?? 'no reason given'}`,
    });
  }
  const signedAt = new Date(statement.signedAt);
  if (!keyCovers(key, signedAt)) {
    findings.push({
      verdict: 'EXPIRED',
      reason:
        signedAt.getTime() < Date.parse(key.validFrom)
          ? `Key ${key.keyId} was not yet valid when the document was signed (${statement.signedAt}; valid from ${key.validFrom}).`
          : `Key ${key.keyId} was valid until ${key.validUntil}, but the document was signed at ${statement.signedAt}.`,
    });
  }
  if (statement.validUntil !== undefined && baghdadDate(now) > statement.validUntil) {
    findings.push({ verdict: 'EXPIRED', reason: `The document was valid until ${statement.validUntil}.` });
  }
  return {
    verdict: strongest(findings.map((f) => f.verdict)),
    issuer,
    issuedAt: statement.issuedAt,
    documentId: statement.documentId,
    title: statement.title,
    titleEn: statement.titleEn ?? null,
    fields: statement.fields,
    validUntil: statement.validUntil ?? null,
    verificationCode,
    reasons: findings.map((f) => f.reason),
  };
}
