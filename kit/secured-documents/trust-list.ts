/**
 * The national trust list: who may issue secured documents and with which public keys, when each
 * key was valid, which keys were revoked, and which documents were withdrawn. The graph serves it
 * (`issuers`, `trustList`), the router publishes it as static JSON the public can cache, and an
 * offline verifier needs nothing else. Keys are judged by their validity window at the moment of
 * signing, so a routine rotation (validUntil set) leaves every older document valid, while a
 * revocation (revokedAt set, e.g. a leaked key) voids every signature by that key, whenever it
 * claims to have been made, since a thief can back-date a signature.
 */
export type IssuerKind = 'UNIVERSITY' | 'AGENCY';

export interface TrustedKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  /** Raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  /** First instant a signature by this key counts, ISO 8601 UTC. */
  readonly validFrom: string;
  /** First instant it no longer counts (rotation); null while current. */
  readonly validUntil: string | null;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
}

export interface TrustedIssuer {
  /** `UNI-01`… for universities, the agency code for agencies. */
  readonly id: string;
  /** Arabic name. */
  readonly name: string;
  readonly nameEn: string;
  /** The agency answerable for it (universities: MOHESR). */
  readonly agencyCode: string;
  readonly kind: IssuerKind;
  readonly keys: readonly TrustedKey[];
}

export type RevocationStatus = 'REVOKED' | 'SUSPENDED';

/** A withdrawn or suspended document, so an offline check knows what the issuer has since said. */
export interface DocumentRevocation {
  readonly documentId: string;
  readonly issuerId: string;
  readonly status: RevocationStatus;
  /** When it took effect, ISO 8601 UTC. */
  readonly since: string;
  readonly reason: string;
}

export const TRUST_LIST_FORMAT = 'ur-trust-list';

export interface TrustList {
  readonly format: typeof TRUST_LIST_FORMAT;
  readonly version: 1;
  /** Agency publishing it (NDC). */
  readonly publisher: string;
  /** When it was produced: revocations after this are unknown to whoever holds this copy. */
  readonly publishedAt: string;
  readonly issuers: readonly TrustedIssuer[];
  readonly revocations: readonly DocumentRevocation[];
}

export function findIssuer(list: TrustList, issuerId: string): TrustedIssuer | undefined {
  return list.issuers.find((i) => i.id === issuerId);
}

export function findKey(issuer: TrustedIssuer, keyId: string): TrustedKey | undefined {
  return issuer.keys.find((k) => k.keyId === keyId);
}

/** Whether the key's window covers the instant (revocation is judged separately). */
export function keyCovers(key: TrustedKey, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(key.validFrom) <= t && (key.validUntil === null || t < Date.parse(key.validUntil));
}

/** Revoked as of that instant (a revocation takes effect when it is recorded, not before). */
export function isRevoked(key: TrustedKey, at: Date): boolean {
  return key.revokedAt !== null && Date.parse(key.revokedAt) <= at.getTime();
}

/** The key an issuer signs with at that instant: not revoked, window covering it, latest start. */
export function signingKeyAt<K extends TrustedKey>(keys: readonly K[], at: Date): K | undefined {
  return keys
    .filter((k) => !isRevoked(k, at) && keyCovers(k, at))
    .sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom))[0];
}
