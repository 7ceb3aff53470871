import { randomBytes } from 'node:crypto';
import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { AcademicDocument } from '../entities/academic-document.entity';
import { VerificationMethod } from '../entities/enums';
import { University } from '../entities/university.entity';
import { VerificationRequest } from '../entities/verification-request.entity';
import { VerificationRequestFilter } from '../inputs/verification-request-filter.input';
import { VerifyAcademicDocumentInput } from '../inputs/verify-academic-document.input';
import { reasonOf } from '../outputs/academic-reason.output';
import { IssuanceVerification } from '../outputs/issuance-verification.output';
import { universityOfSerial } from '../rules/academic-catalogue';
import {
  assertVerificationQuestion,
  notFound,
  referToDocuments,
  type VerificationAnswer,
  verifyIssued,
} from '../rules/issuance-verification.rules';
import { bilingual } from '../rules/reason';
import { MINISTRY_AGENCY } from '../scopes';

export const VerificationRequestConnection = Connection(VerificationRequest);
type VerificationRequestConnection = InstanceType<typeof VerificationRequestConnection>;

/** Time-ordered request IDs, so the log pages oldest first: VR-20261125T213956123Z-3f9a1c. */
export function verificationRequestId(at: string, random = randomBytes(3).toString('hex')): string {
  return `VR-${at.replace(/[-:.]/g, '')}-${random}`;
}

@Resolver(() => VerificationRequest)
export class VerificationRequestResolver {
  @Directive('@requiresScopes(scopes: [["highered.verification:write"]])')
  @Mutation(() => IssuanceVerification, {
    description:
      'Asks whether a presented academic document was really issued (صحة صدور), by serial number or verification code. Answers at once with the reasons; the request and the answer are recorded, and the issuing university sees them.',
  })
  async verifyAcademicDocument(
    @Arg('input', () => VerifyAcademicDocumentInput) input: VerifyAcademicDocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IssuanceVerification> {
    // Bad input throws here, before anything is looked up or recorded.
    const question = assertVerificationQuestion(input);
    let answer: VerificationAnswer;
    let doc: AcademicDocument | null = null;
    let university: University | null = null;
    if (question.method === VerificationMethod.SERIAL_NUMBER) {
      doc = await ctx.em.findOne(AcademicDocument, { serialNumber: question.value });
      const universityCode = doc?.universityId ?? universityOfSerial(question.value);
      university = universityCode ? await ctx.loaders.one(University).load(universityCode) : null;
      answer =
        doc && university
          ? verifyIssued(
              { ...doc, universityName: university.name, universityNameEn: university.nameEn },
              question,
            )
          : notFound(question.value, university);
    } else {
      answer = referToDocuments();
    }

    const at = new Date().toISOString();
    const { caller } = ctx;
    // An append-only log entry, written alone: it records the answer, it changes nothing else.
    const request = ctx.em.create(VerificationRequest, {
      id: verificationRequestId(at),
      requestedByClient: caller.clientId ?? 'anonymous',
      requestedByAgency: caller.agency,
      purpose: caller.purpose,
      caseNumber: caller.caseNumber,
      method: question.method,
      value: question.value,
      holderNationalId: question.holderNationalId,
      presentedKind: question.presented.kind ?? null,
      presentedSpecializationCode: question.presented.specializationCode ?? null,
      presentedGraduationYear: question.presented.graduationYear ?? null,
      presentedGradeAverage: question.presented.gradeAverage ?? null,
      academicDocumentId: doc?.id ?? null,
      universityId: university?.id ?? null,
      outcome: answer.outcome,
      reasonList: answer.reasons,
      mismatchedFields: answer.mismatchedFields,
      at,
    });
    await ctx.em.flush();
    return Object.assign(new IssuanceVerification(), {
      requestId: request.id,
      outcome: answer.outcome,
      method: question.method,
      value: question.value,
      mismatchedFields: answer.mismatchedFields,
      reasons: answer.reasons.map(bilingual),
      reasonDetails: answer.reasons.map(reasonOf),
      academicDocument: doc,
      checkedAt: at,
      subjectNationalId: doc?.holderNationalId ?? null,
    });
  }

  @Directive('@requiresScopes(scopes: [["highered.verification:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  @Query(() => VerificationRequestConnection, {
    nullable: true,
    description:
      'The issuance-verification log, oldest first. The ministry (MOHESR) sees every request; any other agency’s client sees the requests it made.',
  })
  async verificationRequests(
    @Arg('filter', () => VerificationRequestFilter, { nullable: true })
    filter: VerificationRequestFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VerificationRequestConnection> {
    const where: ObjectQuery<VerificationRequest> = {};
    if (filter?.universityCode) where.universityId = filter.universityCode;
    if (filter?.outcome) where.outcome = filter.outcome;
    if (ctx.caller.agency !== MINISTRY_AGENCY) where.requestedByClient = ctx.caller.clientId ?? '';
    return VerificationRequestConnection.of(await paginate(ctx.em, VerificationRequest, where, page));
  }

  @FieldResolver(() => AcademicDocument, { nullable: true, description: 'The document found, if any.' })
  academicDocument(
    @Root() request: VerificationRequest,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AcademicDocument | null> {
    return request.academicDocumentId
      ? ctx.loaders.one(AcademicDocument).load(request.academicDocumentId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => University, {
    nullable: true,
    description: 'The university the document (or the serial asked about) belongs to, if known.',
  })
  university(@Root() request: VerificationRequest, @Ctx() ctx: SubgraphContext): Promise<University | null> {
    return request.universityId
      ? ctx.loaders.one(University).load(request.universityId)
      : Promise.resolve(null);
  }
}
