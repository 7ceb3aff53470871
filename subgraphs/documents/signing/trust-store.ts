import type { EntityManager } from '@mikro-orm/core';
import {
  type DocumentRevocation,
  type TrustedIssuer,
  type TrustedKey,
  TRUST_LIST_FORMAT,
  type TrustList,
} from '../../../kit/secured-documents/trust-list';
import { Document } from '../entities/document.entity';
import { DocumentStatus } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';
import { IssuerKey } from '../entities/issuer-key.entity';

/**
 * The trust list as the database holds it now: issuers, their public keys, and the secured
 * documents their agencies have revoked or suspended. Online verification reads a narrow slice
 * (one issuer, one document) so that a revocation counts from the moment it is stored.
 */
export const PUBLISHER = 'NDC';

export function trustedKeyOf(key: IssuerKey): TrustedKey {
  return {
    keyId: key.keyId,
    algorithm: 'Ed25519',
    publicKey: key.publicKey,
    validFrom: key.validFrom,
    validUntil: key.validUntil,
    revokedAt: key.revokedAt,
    revocationReason: key.revocationReason,
  };
}

export function trustedIssuerOf(issuer: Issuer, keys: readonly IssuerKey[]): TrustedIssuer {
  return {
    id: issuer.id,
    name: issuer.name,
    nameEn: issuer.nameEn,
    agencyCode: issuer.agencyCode,
    kind: issuer.kind,
    keys: keys.filter((k) => k.issuerId === issuer.id).map(trustedKeyOf),
  };
}

/** A secured document's entry in the revocation list, when it is not in force. */
export function revocationOf(document: Document): DocumentRevocation | null {
  if (!document.issuerId || document.status === DocumentStatus.ACTIVE) return null;
  return {
    documentId: document.id,
    issuerId: document.issuerId,
    status: document.status,
    since: document.statusSince ?? document.createdAt,
    reason: document.statusReason ?? '',
  };
}

/** The trust list of the given issuers (all when omitted), with the given documents' status. */
export async function loadTrustList(
  em: EntityManager,
  publishedAt: Date,
  only?: { issuerIds: readonly string[]; documents: readonly Document[] },
): Promise<TrustList> {
  const issuers = await em.find(Issuer, only ? { id: { $in: [...only.issuerIds] } } : {}, {
    orderBy: { id: 'asc' },
  });
  const keys = await em.find(
    IssuerKey,
    { issuerId: { $in: issuers.map((i) => i.id) } },
    { orderBy: { keyId: 'asc' } },
  );
  const documents = only
    ? only.documents
    : await em.find(
        Document,
        { issuerId: { $ne: null }, status: { $ne: DocumentStatus.ACTIVE } },
        { orderBy: { id: 'asc' } },
      );
  return {
    format: TRUST_LIST_FORMAT,
    version: 1,
    publisher: PUBLISHER,
    publishedAt: publishedAt.toISOString(),
    issuers: issuers.map((i) => trustedIssuerOf(i, keys)),
    revocations: documents.map(revocationOf).filter((r): r is DocumentRevocation => r !== null),
  };
}
