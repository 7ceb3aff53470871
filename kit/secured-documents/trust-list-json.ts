import {
  type DocumentRevocation,
  TRUST_LIST_FORMAT,
  type TrustedIssuer,
  type TrustedKey,
  type TrustList,
} from './trust-list';

/**
 * The static trust list (`/trust-list.json`): one JSON document the public can download, cache
 * and use offline. Rendered with a fixed key order and sorted entries, so the same list always
 * gives the same bytes (stable ETags, readable diffs between two downloads).
 */
export function renderTrustListJson(list: TrustList): string {
  const key = (k: TrustedKey): TrustedKey => ({
    keyId: k.keyId,
    algorithm: k.algorithm,
    publicKey: k.publicKey,
    validFrom: k.validFrom,
    validUntil: k.validUntil,
    revokedAt: k.revokedAt,
    revocationReason: k.revocationReason,
  });
  const issuer = (i: TrustedIssuer): TrustedIssuer => ({
    id: i.id,
    name: i.name,
    nameEn: i.nameEn,
    agencyCode: i.agencyCode,
    kind: i.kind,
    keys: [...i.keys].sort((a, b) => compare(a.validFrom, b.validFrom) || compare(a.keyId, b.keyId)).map(key),
  });
  const revocation = (r: DocumentRevocation): DocumentRevocation => ({
    documentId: r.documentId,
    issuerId: r.issuerId,
    status: r.status,
    since: r.since,
    reason: r.reason,
  });
  const out: TrustList = {
    format: TRUST_LIST_FORMAT,
    version: 1,
    publisher: list.publisher,
    publishedAt: list.publishedAt,
    issuers: [...list.issuers].sort((a, b) => compare(a.id, b.id)).map(issuer),
    revocations: [...list.revocations].sort((a, b) => compare(a.documentId, b.documentId)).map(revocation),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A trust list that cannot be used: the message says which entry and why. */
export class TrustListFormatError extends Error {
  override name = 'TrustListFormatError';
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TrustListFormatError(`${where} must be an object`);
  }
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new TrustListFormatError(`${where} must be a list`);
  return value;
}

function text(o: Json, k: string, where: string): string {
  const v = o[k];
  if (typeof v !== 'string' || !v) throw new TrustListFormatError(`${where}.${k} must be text`);
  return v;
}

function instant(o: Json, k: string, where: string, nullable: true): string | null;
function instant(o: Json, k: string, where: string, nullable: false): string;
function instant(o: Json, k: string, where: string, nullable: boolean): string | null {
  const v = o[k];
  if (v === null && nullable) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    throw new TrustListFormatError(`${where}.${k} must be an ISO 8601 instant${nullable ? ' or null' : ''}`);
  }
  return v;
}

/**
 * Reads a trust list (parsed JSON, or the data of the `trustList` query), checking every field
 * an offline verifier relies on. Throws TrustListFormatError naming the first problem.
 */
export function parseTrustList(value: unknown): TrustList {
  const root = object(value, 'trust list');
  if (root.format !== TRUST_LIST_FORMAT || root.version !== 1) {
    throw new TrustListFormatError(`not a ${TRUST_LIST_FORMAT} version 1 document`);
  }
  const issuers = array(root.issuers, 'issuers').map((raw, i): TrustedIssuer => {
    const where = `issuers[${i}]`;
    const o = object(raw, where);
    const kind = o.kind;
    if (kind !== 'UNIVERSITY' && kind !== 'AGENCY') {
      throw new TrustListFormatError(`${where}.kind must be UNIVERSITY or AGENCY`);
    }
    return {
      id: text(o, 'id', where),
      name: text(o, 'name', where),
      nameEn: text(o, 'nameEn', where),
      agencyCode: text(o, 'agencyCode', where),
      kind,
      keys: array(o.keys, `${where}.keys`).map((rawKey, j): TrustedKey => {
        const at = `${where}.keys[${j}]`;
        const k = object(rawKey, at);
        if (k.algorithm !== 'Ed25519') throw new TrustListFormatError(`${at}.algorithm must be Ed25519`);
        const publicKey = text(k, 'publicKey', at);
        if (Buffer.from(publicKey, 'base64').length !== 32) {
          throw new TrustListFormatError(`${at}.publicKey must be a 32-byte key in base64`);
        }
        const reason = k.revocationReason;
        if (reason !== null && typeof reason !== 'string') {
          throw new TrustListFormatError(`${at}.revocationReason must be text or null`);
        }
        return {
          keyId: text(k, 'keyId', at),
          algorithm: 'Ed25519',
          publicKey,
          validFrom: instant(k, 'validFrom', at, false),
          validUntil: instant(k, 'validUntil', at, true),
          revokedAt: instant(k, 'revokedAt', at, true),
          revocationReason: reason,
        };
      }),
    };
  });
  const revocations = array(root.revocations, 'revocations').map((raw, i): DocumentRevocation => {
    const where = `revocations[${i}]`;
    const o = object(raw, where);
    if (o.status !== 'REVOKED' && o.status !== 'SUSPENDED') {
      throw new TrustListFormatError(`${where}.status must be REVOKED or SUSPENDED`);
    }
    return {
      documentId: text(o, 'documentId', where),
      issuerId: text(o, 'issuerId', where),
      status: o.status,
      since: instant(o, 'since', where, false),
      reason: text(o, 'reason', where),
    };
  });
  return {
    format: TRUST_LIST_FORMAT,
    version: 1,
    publisher: text(root, 'publisher', 'trust list'),
    publishedAt: instant(root, 'publishedAt', 'trust list', false),
    issuers,
    revocations,
  };
}
