import { canonicalJson } from './canonical-json';
import { signEd25519, verifyEd25519 } from './ed25519';

/**
 * What an issuer signs about a secured document: the essential fields a verifier compares with
 * the paper in front of them, and the hash of the full document that binds everything else.
 * It is what the QR code carries (with the signature), so it holds only what must be checked
 * offline; the full document stays in the store.
 */
export interface SignedStatement {
  /** Statement format; bumped only with the QR prefix (UR1 ↔ 1). */
  readonly v: 1;
  readonly documentId: string;
  /** Trust-list issuer, e.g. `UNI-01` or `AMANAT`. */
  readonly issuerId: string;
  /** The issuer's key that signed, e.g. `UNI-01-K2`. */
  readonly keyId: string;
  /** Document type with a retention rule, e.g. `ACADEMIC_DEGREE`. */
  readonly type: string;
  /** Arabic title as printed. */
  readonly title: string;
  readonly titleEn?: string;
  /** Date printed on the document, YYYY-MM-DD. */
  readonly issuedAt: string;
  /** When the signature was made, ISO 8601 UTC: the key must have been valid then. */
  readonly signedAt: string;
  /** Last day the document is valid, YYYY-MM-DD (Baghdad); absent when it does not expire. */
  readonly validUntil?: string;
  /** SHA-256 (hex) of the full document's bytes. */
  readonly contentHash: string;
  /** Essential fields printed on the document, e.g. holder, grade, serial number. Text only. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The exact bytes signed: canonical JSON of the statement (every field, including unknown ones). */
export function statementBytes(statement: SignedStatement | Readonly<Record<string, unknown>>): Buffer {
  return Buffer.from(canonicalJson(statement as never), 'utf8');
}

/** Signature (base64url) of a statement by a private key (PKCS#8 base64). */
export function signStatement(statement: SignedStatement, privateKey: string): string {
  return signEd25519(privateKey, statementBytes(statement));
}

export function isSignatureValid(
  statement: SignedStatement | Readonly<Record<string, unknown>>,
  signature: string,
  publicKey: string,
): boolean {
  return verifyEd25519(publicKey, statementBytes(statement), signature);
}
