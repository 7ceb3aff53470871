import type { EntityManager } from '@mikro-orm/core';
import { sha256Hex } from '../../kit/secured-documents/content-hash';
import { urError } from '../../kit/errors/ur-error';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { Document } from './entities/document.entity';
import { DocumentVersion, versionId } from './entities/document-version.entity';
import { RetentionRule } from './entities/retention-rule.entity';
import { assertMayRead } from './rules/classification.rules';

/** Data access shared by the resolvers: one way to fetch a document for a caller, one way to add content. */

/** The document, if the caller may see it: NOT_FOUND when there is none, FORBIDDEN when not cleared. */
export async function readableDocument(ctx: SubgraphContext, id: string, argument = 'id'): Promise<Document> {
  const document = await ctx.em.findOne(Document, { id });
  if (!document) throw urError('NOT_FOUND', `No document has ID "${id}".`, { argument });
  assertMayRead(ctx.caller, document);
  return document;
}

/** Every document type the retention schedule covers. */
export async function typesWithRetentionRules(em: EntityManager): Promise<string[]> {
  const rules = await em.find(
    RetentionRule,
    {},
    { fields: ['documentType'], orderBy: { documentType: 'asc' } },
  );
  return rules.map((r) => r.documentType);
}

/** A version row for content already validated; its hash is computed here, never taken from the caller. */
export function versionOf(
  documentId: string,
  version: number,
  bytes: Buffer,
  mediaType: string,
  createdAt: string,
  createdBy: string,
): Omit<DocumentVersion, never> {
  return Object.assign(new DocumentVersion(), {
    id: versionId(documentId, version),
    documentId,
    version,
    bytes,
    contentHash: sha256Hex(bytes),
    size: bytes.length,
    mediaType,
    createdAt,
    createdBy,
  });
}
