import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { parseQrPayload } from '../../../kit/secured-documents/qr-payload';
import { parseVerificationCode } from '../../../kit/secured-documents/verification-code';
import { type OfflineVerification, verifyOffline } from '../../../kit/secured-documents/verify-offline';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { now } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentVersion, versionId } from '../entities/document-version.entity';
import { Issuer } from '../entities/issuer.entity';
import { qrPayloadOf } from '../signing/statement-of';
import { loadTrustList } from '../signing/trust-store';
import { VerificationResult } from '../types/verification-result.type';

/**
 * Online verification, open to anyone (the /verify page calls it for anonymous visitors). It
 * runs the offline verifier against the live trust list, so both answer the same verdicts, and
 * adds what only the store knows: the document's current status, and that the stored content
 * still has the signed hash. A malformed code or payload is a NOT_FOUND verdict with the reason,
 * not an error: the page shows every outcome the same way.
 */
@Resolver(() => VerificationResult)
export class VerificationResolver {
  @Query(() => VerificationResult, {
    description:
      'Verifies a secured document by the code printed on it (XXXX-XXXX-XX; any case, hyphens optional). Open to anonymous callers.',
  })
  async verifyDocument(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VerificationResult> {
    const at = now();
    const parsed = parseVerificationCode(code);
    if (!parsed.ok) return notFound(at, parsed.problem);
    const document = await ctx.em.findOne(Document, { verificationCode: parsed.code });
    const payload = document && qrPayloadOf(document);
    if (!document || !payload || !document.issuerId) {
      return notFound(at, `No secured document has the verification code ${parsed.code}.`);
    }
    const version = await ctx.em.findOne(DocumentVersion, {
      id: versionId(document.id, document.currentVersion),
    });
    const trustList = await loadTrustList(ctx.em, at, {
      issuerIds: [document.issuerId],
      documents: [document],
    });
    const result = verifyOffline(payload, trustList, at, { content: version?.bytes ?? Buffer.alloc(0) });
    return resultOf(ctx, at, result, document.id);
  }

  @Query(() => VerificationResult, {
    description:
      'Verifies the QR payload of a secured document (UR1.…) against the live trust list and the national register. Open to anonymous callers.',
  })
  async verifyQrPayload(
    @Arg('payload', () => String) payload: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VerificationResult> {
    const at = now();
    const read = parseQrPayload(payload);
    if (!read.ok) return notFound(at, read.problem);
    const documentId = typeof read.signed.documentId === 'string' ? read.signed.documentId : null;
    const document = documentId ? await ctx.em.findOne(Document, { id: documentId }) : null;
    const trustList = await loadTrustList(ctx.em, at, {
      issuerIds: [read.issuerId],
      documents: document ? [document] : [],
    });
    const result = verifyOffline(payload, trustList, at);
    const signatureHeld = ['NOT_FOUND', 'UNKNOWN_ISSUER', 'TAMPERED'].includes(result.verdict);
    if (!signatureHeld && document?.signature !== read.signature) {
      return notFound(
        at,
        `The signature is genuine, but the national register holds no document ${documentId} signed this way.`,
      );
    }
    return resultOf(ctx, at, result, result.documentId);
  }
}

function notFound(at: Date, reason: string): VerificationResult {
  return Object.assign(new VerificationResult(), {
    verdict: 'NOT_FOUND',
    issuer: null,
    issuedAt: null,
    documentId: null,
    title: null,
    titleEn: null,
    validUntil: null,
    verificationCode: null,
    reasons: [reason],
    checkedAt: at.toISOString(),
  });
}

async function resultOf(
  ctx: SubgraphContext,
  at: Date,
  result: OfflineVerification,
  documentId: string | null,
): Promise<VerificationResult> {
  return Object.assign(new VerificationResult(), {
    verdict: result.verdict,
    issuer: result.issuer ? await ctx.loaders.one(Issuer).load(result.issuer.id) : null,
    issuedAt: result.issuedAt,
    documentId,
    title: result.title,
    titleEn: result.titleEn,
    validUntil: result.validUntil,
    verificationCode: result.verificationCode,
    reasons: [...result.reasons],
    checkedAt: at.toISOString(),
  });
}
