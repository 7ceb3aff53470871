import { canonicalJson } from './canonical-json';
import { SHA256_HEX } from './content-hash';
import type { SignedStatement } from './statement';

/**
 * The QR payload of a secured document: `UR1.` then base64url of the canonical JSON of the
 * signed statement with its signature added as `sig`. Versioned by its prefix so that a later
 * format can be told apart by any reader; URL-safe and without padding so it can also travel in a
 * link (`/verify?p=UR1.…`). About 1,000–1,100 characters for an academic degree with Arabic
 * fields: a version 25–27 QR code at low error correction, still printable at 4–5 cm.
 */
export const QR_PREFIX = 'UR1.';
/** Larger than any QR code holds (2,953 bytes at most): longer text is not a payload. */
export const MAX_QR_PAYLOAD_CHARS = 4096;

export function encodeQrPayload(statement: SignedStatement, signature: string): string {
  const json = canonicalJson({ ...statement, sig: signature } as never);
  return QR_PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * A payload read far enough to look its key up: the signed object exactly as it came (unknown
 * keys kept, since they are covered by the signature too), its signature, and the two ids.
 */
export interface ReadPayload {
  readonly ok: true;
  readonly signed: Readonly<Record<string, unknown>>;
  readonly signature: string;
  readonly issuerId: string;
  readonly keyId: string;
}

export type ParsedPayload = ReadPayload | { readonly ok: false; readonly problem: string };

const malformed = (why: string): ParsedPayload => ({ ok: false, problem: `Malformed QR payload: ${why}.` });

/** Reads a payload; never throws. A malformed one says why, for the person holding it. */
export function parseQrPayload(text: string): ParsedPayload {
  const payload = text.trim();
  if (payload.length > MAX_QR_PAYLOAD_CHARS) {
    return malformed(`it is ${payload.length} characters long, more than a QR code holds`);
  }
  const version = /^UR(\d+)\./.exec(payload);
  if (!version) return malformed(`it must start with ${QR_PREFIX}`);
  if (`UR${version[1]}.` !== QR_PREFIX) {
    return malformed(
      `format UR${version[1]} is not known to this verifier (it reads ${QR_PREFIX.slice(0, -1)})`,
    );
  }
  const body = payload.slice(QR_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return malformed('the part after UR1. is not base64url');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return malformed('the part after UR1. does not decode to JSON');
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    return malformed('it does not hold a statement');
  }
  const { sig, ...signed } = decoded as Record<string, unknown>;
  if (typeof sig !== 'string' || !sig) return malformed('it has no signature');
  if (typeof signed.issuerId !== 'string' || typeof signed.keyId !== 'string') {
    return malformed('it does not name its issuer and key');
  }
  return { ok: true, signed, signature: sig, issuerId: signed.issuerId, keyId: signed.keyId };
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * The signed object as a statement, or what is wrong with it. Called once the signature has
 * verified: a genuine signer never signs anything else, so a failure here is reported as damage.
 */
export function asStatement(
  signed: Readonly<Record<string, unknown>>,
): { ok: true; statement: SignedStatement } | { ok: false; problem: string } {
  const s = signed;
  const text = (k: string) => typeof s[k] === 'string' && (s[k] as string).length > 0;
  const problems: string[] = [];
  if (s.v !== 1) problems.push('v must be 1');
  for (const k of ['documentId', 'issuerId', 'keyId', 'type', 'title'])
    if (!text(k)) problems.push(`${k} is missing`);
  if (s.titleEn !== undefined && typeof s.titleEn !== 'string') problems.push('titleEn must be text');
  if (typeof s.issuedAt !== 'string' || !DATE.test(s.issuedAt)) problems.push('issuedAt must be YYYY-MM-DD');
  if (typeof s.signedAt !== 'string' || !INSTANT.test(s.signedAt) || Number.isNaN(Date.parse(s.signedAt))) {
    problems.push('signedAt must be an ISO 8601 UTC instant');
  }
  if (s.validUntil !== undefined && (typeof s.validUntil !== 'string' || !DATE.test(s.validUntil))) {
    problems.push('validUntil must be YYYY-MM-DD');
  }
  if (typeof s.contentHash !== 'string' || !SHA256_HEX.test(s.contentHash)) {
    problems.push('contentHash must be 64 hex digits');
  }
  const fields = s.fields;
  if (
    typeof fields !== 'object' ||
    fields === null ||
    Array.isArray(fields) ||
    Object.values(fields).some((v) => typeof v !== 'string')
  ) {
    problems.push('fields must map names to text');
  }
  if (problems.length)
    return { ok: false, problem: `The statement is not well-formed: ${problems.join('; ')}.` };
  return { ok: true, statement: s as unknown as SignedStatement };
}
