import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { AcademicDocument } from '../entities/academic-document.entity';
import { Department } from '../entities/department.entity';
import { AcademicDocumentStatus } from '../entities/enums';
import { University } from '../entities/university.entity';
import { AcademicDocumentFilter } from '../inputs/academic-document-filter.input';
import { RevokeAcademicDocumentArgs } from '../inputs/revoke-academic-document.args';
import { assertSpecializationCode } from '../rules/academic-catalogue';
import { assertRevocable, assertRevocationReason } from '../rules/revocation.rules';
import { loadedOrFault } from './loaded-or-fault';

export const AcademicDocumentConnection = Connection(AcademicDocument);
type AcademicDocumentConnection = InstanceType<typeof AcademicDocumentConnection>;

function documentsWhere(filter: AcademicDocumentFilter | null | undefined): ObjectQuery<AcademicDocument> {
  const where: ObjectQuery<AcademicDocument> = {};
  if (filter?.holderNationalId) {
    where.holderNationalId = assertNationalId(filter.holderNationalId, 'filter.holderNationalId');
  }
  if (filter?.universityCode) where.universityId = filter.universityCode;
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.specializationCode) {
    where.specializationCode = assertSpecializationCode(
      filter.specializationCode,
      'filter.specializationCode',
    );
  }
  if (filter?.graduationYear !== null && filter?.graduationYear !== undefined) {
    where.graduationYear = filter.graduationYear;
  }
  if (filter?.status) where.status = filter.status;
  return where;
}

@Resolver(() => AcademicDocument)
export class AcademicDocumentResolver {
  @Directive('@requiresScopes(scopes: [["highered.document:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  @Query(() => AcademicDocumentConnection, {
    nullable: true,
    description: 'Academic documents, in ID order.',
  })
  async academicDocuments(
    @Arg('filter', () => AcademicDocumentFilter, { nullable: true }) filter: AcademicDocumentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AcademicDocumentConnection> {
    return AcademicDocumentConnection.of(
      await paginate(ctx.em, AcademicDocument, documentsWhere(filter), page),
    );
  }

  @Directive('@requiresScopes(scopes: [["highered.document:read"]])')
  @Query(() => AcademicDocument, {
    nullable: true,
    description: 'An academic document by ID; null when none.',
  })
  academicDocument(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AcademicDocument | null> {
    return ctx.loaders.one(AcademicDocument).load(id);
  }

  @FieldResolver(() => University, { description: 'The university that issued it.' })
  async university(@Root() doc: AcademicDocument, @Ctx() ctx: SubgraphContext): Promise<University> {
    return loadedOrFault(
      await ctx.loaders.one(University).load(doc.universityId),
      'university',
      doc.universityId,
    );
  }

  @FieldResolver(() => Department, { description: 'The department that awarded it.' })
  async department(@Root() doc: AcademicDocument, @Ctx() ctx: SubgraphContext): Promise<Department> {
    return loadedOrFault(
      await ctx.loaders.one(Department).load(doc.departmentId),
      'department',
      doc.departmentId,
    );
  }

  @Directive('@requiresScopes(scopes: [["highered.document:revoke"]])')
  @Mutation(() => AcademicDocument, {
    description:
      'Revokes an ACTIVE academic document (e.g. after a forged-degree finding); every later verification answers REVOKED with the reason.',
  })
  async revokeAcademicDocument(
    @Args(() => RevokeAcademicDocumentArgs) { id, reason }: RevokeAcademicDocumentArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AcademicDocument> {
    const why = assertRevocationReason(reason);
    const doc = await ctx.em.findOne(AcademicDocument, { id });
    if (!doc) {
      throw urError('NOT_FOUND', `No academic document "${id}"; IDs look like AD-000001.`, {
        argument: 'id',
      });
    }
    assertRevocable(doc.id, doc.status);
    // Conditional on ACTIVE: of two revocations at once, exactly one takes effect.
    const changed = await ctx.em.nativeUpdate(
      AcademicDocument,
      { id, status: AcademicDocumentStatus.ACTIVE },
      { status: AcademicDocumentStatus.REVOKED, revokedAt: new Date().toISOString(), revocationReason: why },
    );
    if (changed === 0) assertRevocable(doc.id, AcademicDocumentStatus.REVOKED);
    return ctx.em.refreshOrFail(doc);
  }
}
