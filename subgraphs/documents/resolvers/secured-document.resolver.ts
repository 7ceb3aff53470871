import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { sha256Hex } from '../../../kit/secured-documents/content-hash';
import { signingKeyAt } from '../../../kit/secured-documents/trust-list';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { now, today } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentStatus } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';
import { IssuerKey } from '../entities/issuer-key.entity';
import { IssueSecuredDocumentInput } from '../inputs/issue-secured-document.input';
import { documentContentOf } from '../rules/content.rules';
import {
  assertIssuingAgency,
  assertReason,
  type StatusChange,
  statusAfter,
} from '../rules/document-status.rules';
import { assertHasRetentionRule } from '../rules/retention.rules';
import { issuanceDates, signedFieldsOf } from '../rules/secured-document.rules';
import { signDocument } from '../signing/sign-document';
import { readableDocument, typesWithRetentionRules, versionOf } from '../store';
import { callerAgency } from './document.resolver';

const REVOKE = '@requiresScopes(scopes: [["documents:revoke"]])';

/** Issuing secured documents, and the issuing agency's changes to their status. */
@Resolver(() => Document)
export class SecuredDocumentResolver {
  @Directive('@requiresScopes(scopes: [["documents:write"]])')
  @Mutation(() => Document, {
    description:
      'Stores a document and signs it with the current key of the caller’s agency (or of one of its bodies): it gets a verification code and a QR payload, and never changes afterwards.',
  })
  async issueSecuredDocument(
    @Arg('input', () => IssueSecuredDocumentInput) input: IssueSecuredDocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Document> {
    const agency = callerAgency(ctx);
    const { title, titleEn, mediaType, bytes } = documentContentOf(input);
    const fields = signedFieldsOf(input.fields);
    const dates = issuanceDates(input.issuedAt, input.validUntil, today());
    assertHasRetentionRule(input.type, await typesWithRetentionRules(ctx.em), 'input.type');

    const issuerId = input.issuerId ?? agency;
    const issuer = await ctx.em.findOne(Issuer, { id: issuerId });
    if (!issuer) {
      throw urError('NOT_FOUND', `No issuer "${issuerId}" is in the trust list.`, {
        argument: 'input.issuerId',
      });
    }
    if (issuer.agencyCode !== agency) {
      throw urError(
        'FORBIDDEN',
        `Issuer ${issuer.id} answers to ${issuer.agencyCode}; only ${issuer.agencyCode} can sign in its name.`,
        { issuingAgency: issuer.agencyCode },
      );
    }
    const at = now();
    const key = signingKeyAt(await ctx.em.find(IssuerKey, { issuerId: issuer.id }), at);
    if (!key) {
      throw urError(
        'INVALID_STATE_TRANSITION',
        `Issuer ${issuer.id} has no signing key valid now; the trust list needs a new key for it first.`,
        { issuerId: issuer.id },
      );
    }

    const by = ctx.caller.clientId ?? agency;
    const document = ctx.em.create(Document, {
      id: `DOC-${randomUUID()}`,
      title,
      titleEn,
      type: input.type,
      language: input.language,
      classification: input.classification,
      issuingAgency: agency,
      issuerId: issuer.id,
      createdAt: at.toISOString(),
      createdBy: by,
      currentVersion: 1,
      status: DocumentStatus.ACTIVE,
      signedAt: at.toISOString(),
      issuedAt: dates.issuedAt,
      validUntil: dates.validUntil,
      signedFields: JSON.stringify(fields),
      signedContentHash: sha256Hex(bytes),
    });
    signDocument(document, key);
    ctx.em.persist(versionOf(document.id, 1, bytes, mediaType, at.toISOString(), by));
    await ctx.em.flush();
    return document;
  }

  @Directive(REVOKE)
  @Mutation(() => Document, {
    description:
      'Withdraws one of the caller agency’s documents for good; verification answers REVOKED with the reason from now on.',
  })
  revokeDocument(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Document> {
    return changeStatus(ctx, id, 'REVOKE', reason, 'revoke');
  }

  @Directive(REVOKE)
  @Mutation(() => Document, {
    description:
      'Suspends one of the caller agency’s documents pending a decision; verification answers SUSPENDED until it is reinstated or revoked.',
  })
  suspendDocument(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Document> {
    return changeStatus(ctx, id, 'SUSPEND', reason, 'suspend');
  }

  @Directive(REVOKE)
  @Mutation(() => Document, {
    description: 'Puts a suspended document of the caller’s agency back in force.',
  })
  reinstateDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Document> {
    return changeStatus(ctx, id, 'REINSTATE', null, 'reinstate');
  }
}

async function changeStatus(
  ctx: SubgraphContext,
  id: string,
  change: StatusChange,
  reason: string | null,
  action: string,
): Promise<Document> {
  const why = reason === null ? null : assertReason(reason);
  const document = await readableDocument(ctx, id);
  assertIssuingAgency(ctx.caller, document, action);
  document.status = statusAfter(id, document.status, change);
  document.statusSince = now().toISOString();
  document.statusReason = why;
  await ctx.em.flush();
  return document;
}
