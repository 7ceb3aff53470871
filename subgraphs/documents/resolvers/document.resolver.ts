import { randomUUID } from 'node:crypto';
import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { now, today } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentVersion, versionId } from '../entities/document-version.entity';
import { DocumentStatus } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';
import { DocumentFilter } from '../inputs/document-filter.input';
import { DocumentContentInput, UploadDocumentInput } from '../inputs/upload-document.input';
import { assertMayRead, readableClassifications } from '../rules/classification.rules';
import { assertMediaType, decodeContent, documentContentOf, textOf } from '../rules/content.rules';
import { assertIssuingAgency } from '../rules/document-status.rules';
import { formatRegisterNumber, NEXT_REGISTER_NUMBER_SQL } from '../rules/register-number.rules';
import { assertHasRetentionRule } from '../rules/retention.rules';
import { qrPayloadOf } from '../signing/statement-of';
import { readableDocument, typesWithRetentionRules, versionOf } from '../store';
import { SecuredField } from '../types/secured-field.type';

export const DocumentConnection = Connection(Document);
type DocumentConnection = InstanceType<typeof DocumentConnection>;

const WRITE = '@requiresScopes(scopes: [["documents:write"]])';

function documentsWhere(filter: DocumentFilter | null, scopes: readonly string[]): ObjectQuery<Document> {
  const where: ObjectQuery<Document> = { classification: { $in: readableClassifications(scopes) } };
  if (!filter) return where;
  if (filter.type) where.type = filter.type;
  if (filter.classification)
    where.classification = { $eq: filter.classification, $in: readableClassifications(scopes) };
  if (filter.issuingAgency) where.issuingAgency = filter.issuingAgency;
  if (filter.issuerId) where.issuerId = filter.issuerId;
  if (filter.status) where.status = filter.status;
  if (filter.secured !== null && filter.secured !== undefined) {
    where.signature = filter.secured ? { $ne: null } : null;
  }
  if (filter.registered !== null && filter.registered !== undefined) {
    where.registeredNumber = filter.registered ? { $ne: null } : null;
  }
  return where;
}

/** Content is readable with the same clearance as the document (checked again: defence in depth). */
async function currentVersionFor(document: Document, ctx: SubgraphContext): Promise<DocumentVersion> {
  assertMayRead(ctx.caller, document);
  const version = await ctx.loaders
    .one(DocumentVersion)
    .load(versionId(document.id, document.currentVersion));
  if (!version) throw new Error(`document ${document.id} has no version ${document.currentVersion}`);
  return version;
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, {
    nullable: true,
    description:
      'A document by ID; null when none. FORBIDDEN, naming the scope, when the caller is not cleared for its classification.',
  })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Document | null> {
    const document = await ctx.loaders.one(Document).load(id);
    if (document) assertMayRead(ctx.caller, document);
    return document;
  }

  @Query(() => DocumentConnection, {
    description: 'Documents the caller is cleared for, oldest ID first (PUBLIC ones for anonymous callers).',
  })
  async documents(
    @Arg('filter', () => DocumentFilter, { nullable: true }) filter: DocumentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentConnection> {
    return DocumentConnection.of(
      await paginate(ctx.em, Document, documentsWhere(filter, ctx.caller.scopes), page),
    );
  }

  @Directive(WRITE)
  @Mutation(() => Document, {
    description:
      'Stores a new document for the caller’s agency as version 1 (content hash computed here). Its type must have a retention rule; content at most 1 MiB.',
  })
  async uploadDocument(
    @Arg('input', () => UploadDocumentInput) input: UploadDocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Document> {
    const agency = callerAgency(ctx);
    const { title, titleEn, mediaType, bytes } = documentContentOf(input);
    assertHasRetentionRule(input.type, await typesWithRetentionRules(ctx.em), 'input.type');
    const at = now().toISOString();
    const by = ctx.caller.clientId ?? agency;
    const document = ctx.em.create(Document, {
      id: `DOC-${randomUUID()}`,
      title,
      titleEn,
      type: input.type,
      language: input.language,
      classification: input.classification,
      issuingAgency: agency,
      createdAt: at,
      createdBy: by,
      currentVersion: 1,
      status: DocumentStatus.ACTIVE,
    });
    ctx.em.persist(versionOf(document.id, 1, bytes, mediaType, at, by));
    await ctx.em.flush();
    return document;
  }

  @Directive(WRITE)
  @Mutation(() => Document, {
    description:
      'Stores new content as the next version of one of the caller agency’s documents. A secured (signed) document never changes.',
  })
  async addDocumentVersion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DocumentContentInput) input: DocumentContentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Document> {
    const document = await readableDocument(ctx, id);
    assertIssuingAgency(ctx.caller, document, 'add a version to');
    if (document.signature) {
      throw urError(
        'INVALID_STATE_TRANSITION',
        `Document ${id} is signed (secured): it cannot change. Issue a new secured document instead.`,
        { from: 'SECURED' },
      );
    }
    if (document.status === DocumentStatus.REVOKED) {
      throw urError('INVALID_STATE_TRANSITION', `Document ${id} is REVOKED: it takes no new versions.`, {
        from: document.status,
      });
    }
    const mediaType = assertMediaType(input.mediaType, 'input.mediaType');
    const bytes = decodeContent(input.contentBase64, 'input.contentBase64');
    const at = now().toISOString();
    const version = document.currentVersion + 1;
    ctx.em.persist(
      versionOf(id, version, bytes, mediaType, at, ctx.caller.clientId ?? document.issuingAgency),
    );
    document.currentVersion = version;
    await ctx.em.flush();
    return document;
  }

  @Directive(WRITE)
  @Mutation(() => Document, {
    description:
      'Enters one of the caller agency’s documents in its records register: the next number of the agency’s sequence for this year, e.g. NDC/2026/000124.',
  })
  async registerDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Document> {
    const document = await readableDocument(ctx, id);
    assertIssuingAgency(ctx.caller, document, 'register');
    if (document.registeredNumber) {
      throw urError(
        'INVALID_STATE_TRANSITION',
        `Document ${id} is already registered as ${document.registeredNumber}.`,
        { registeredNumber: document.registeredNumber },
      );
    }
    const year = Number(today().slice(0, 4));
    const number = await ctx.em.transactional(async (tx) => {
      const rows = (await tx
        .getConnection()
        .execute(
          NEXT_REGISTER_NUMBER_SQL,
          [document.issuingAgency, year],
          'all',
          tx.getTransactionContext(),
        )) as {
        last_number: number | string;
      }[];
      const registered = formatRegisterNumber(document.issuingAgency, year, Number(rows[0]?.last_number));
      // Conditional: if another request registered it meanwhile, this one changes nothing.
      const changed = await tx.nativeUpdate(
        Document,
        { id, registeredNumber: null },
        { registeredNumber: registered },
      );
      if (changed !== 1) {
        throw urError(
          'INVALID_STATE_TRANSITION',
          `Document ${id} was registered by another request meanwhile.`,
        );
      }
      return registered;
    });
    document.registeredNumber = number;
    return document;
  }

  @FieldResolver(() => Issuer, {
    nullable: true,
    description: 'Trust-list issuer that signed it (secured documents).',
  })
  issuer(@Root() document: Document, @Ctx() ctx: SubgraphContext): Promise<Issuer | null> {
    return document.issuerId ? ctx.loaders.one(Issuer).load(document.issuerId) : Promise.resolve(null);
  }

  @FieldResolver(() => DocumentVersion, { description: 'The current version (content, hash, size).' })
  latestVersion(@Root() document: Document, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion> {
    return currentVersionFor(document, ctx);
  }

  @FieldResolver(() => [DocumentVersion], { description: 'Every version, oldest first.' })
  versions(@Root() document: Document, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    assertMayRead(ctx.caller, document);
    return ctx.loaders.many(DocumentVersion, 'documentId', 'version').load(document.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Text of the current version when it is textual (text/*, JSON, XML); null otherwise.',
  })
  async content(@Root() document: Document, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    const version = await currentVersionFor(document, ctx);
    return textOf(version.bytes, version.mediaType);
  }

  @FieldResolver(() => String, { description: 'The current version’s bytes, base64.' })
  async contentBase64(@Root() document: Document, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await currentVersionFor(document, ctx)).bytes.toString('base64');
  }

  @FieldResolver(() => [SecuredField], {
    nullable: true,
    description: 'Essential fields signed into a secured document (null for others).',
  })
  securedFields(@Root() document: Document): SecuredField[] | null {
    if (!document.signedFields) return null;
    const fields = JSON.parse(document.signedFields) as Record<string, string>;
    return Object.entries(fields).map(([name, value]) => Object.assign(new SecuredField(), { name, value }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The QR payload of a secured document (UR1.…): its essential fields, content hash and signature, verifiable offline against the trust list.',
  })
  qrPayload(@Root() document: Document): string | null {
    return qrPayloadOf(document);
  }
}

/** The agency a write is made for: the caller's own. */
export function callerAgency(ctx: SubgraphContext): string {
  if (!ctx.caller.agency) {
    throw urError('FORBIDDEN', 'Only a client acting for an agency can write documents.', {
      missingScopes: [],
    });
  }
  return ctx.caller.agency;
}
