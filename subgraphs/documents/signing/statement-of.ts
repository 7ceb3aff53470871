import { encodeQrPayload } from '../../../kit/secured-documents/qr-payload';
import type { SignedStatement } from '../../../kit/secured-documents/statement';
import type { Document } from '../entities/document.entity';

/**
 * The statement a secured document's signature covers, rebuilt from its stored columns. The
 * same function builds it for signing and for verifying, so a change to any signed column in
 * the database (title, dates, fields, hash) makes the stored signature fail: TAMPERED.
 */
export function statementOf(document: Document): SignedStatement {
  if (!document.issuerId || !document.keyId || !document.signedAt || !document.issuedAt) {
    throw new Error(`document ${document.id} is not a secured document`);
  }
  return {
    v: 1,
    documentId: document.id,
    issuerId: document.issuerId,
    keyId: document.keyId,
    type: document.type,
    title: document.title,
    titleEn: document.titleEn ?? undefined,
    issuedAt: document.issuedAt,
    signedAt: document.signedAt,
    validUntil: document.validUntil ?? undefined,
    contentHash: document.signedContentHash ?? '',
    fields: JSON.parse(document.signedFields ?? '{}') as Record<string, string>,
  };
}

/** The QR payload of a secured document (null for an ordinary one). */
export function qrPayloadOf(document: Document): string | null {
  return document.signature ? encodeQrPayload(statementOf(document), document.signature) : null;
}
