import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AcademicReason, reasonOf } from '../outputs/academic-reason.output';
import { bilingual, type Reason } from '../rules/reason';
import { AcademicDocument } from './academic-document.entity';
import { AcademicDocumentKind, VerificationMethod, VerificationOutcome } from './enums';
import { University } from './university.entity';

/**
 * One issuance-verification request (صحة صدور) and its answer: an append-only log, never updated.
 * A university's staff read the requests about its documents; an agency reads the ones it made.
 */
@Directive('@requiresScopes(scopes: [["highered.verification:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description:
    'An issuance-verification request (صحة صدور): who asked, about what, and the answer given. Kept as asked; never changed.',
})
@Entity({ tableName: 'verification_request' })
@Index({ properties: ['universityId', 'id'] }) // a university's requests, in page order
@Index({ properties: ['requestedByClient', 'id'] }) // a client's own requests, in page order
export class VerificationRequest {
  @Field(() => ID, { description: 'Request ID, time-ordered, e.g. VR-20261020T093000000-3f9a1c.' })
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => String, { description: 'Client that asked, e.g. degree-verifier.' })
  @Property({ type: 'string', length: 64 })
  requestedByClient!: string;

  @Field(() => String, { nullable: true, description: 'Agency of that client, e.g. MOI.' })
  @Property({ type: 'string', length: 16, nullable: true })
  requestedByAgency?: string | null;

  @Field(() => String, { nullable: true, description: 'Purpose declared with the request (`ur-purpose`).' })
  @Property({ type: 'string', length: 64, nullable: true })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'Case number declared with the request (`ur-case`).' })
  @Property({ type: 'string', length: 64, nullable: true })
  caseNumber?: string | null;

  @Field(() => VerificationMethod)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  method!: VerificationMethod;

  @Field(() => String, { description: 'The serial number or verification code asked about.' })
  @Property({ type: 'string', length: 128 })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Holder national ID the caller presented, if any.' })
  @Property({ type: 'string', length: 12, nullable: true })
  holderNationalId?: string | null;

  @Field(() => AcademicDocumentKind, { nullable: true, description: 'Kind the caller presented, if any.' })
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24, nullable: true })
  presentedKind?: AcademicDocumentKind | null;

  @Field(() => String, { nullable: true, description: 'Specialization code the caller presented, if any.' })
  @Property({ type: 'string', length: 24, nullable: true })
  presentedSpecializationCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Graduation year the caller presented, if any.' })
  @Property({ type: 'integer', nullable: true })
  presentedGraduationYear?: number | null;

  @Field(() => Float, { nullable: true, description: 'Grade average the caller presented, if any.' })
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  presentedGradeAverage?: number | null;

  /** The document found (a foreign key; `academicDocument` resolves it), null when none. */
  @ManyToOne({
    entity: () => AcademicDocument,
    mapToPk: true,
    nullable: true,
    joinColumn: 'academic_document_id',
  })
  academicDocumentId?: string | null;

  /** The university the document (or the serial asked about) belongs to, when known. */
  @ManyToOne({ entity: () => University, mapToPk: true, nullable: true, joinColumn: 'university_id' })
  universityId?: string | null;

  @Field(() => VerificationOutcome)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  outcome!: VerificationOutcome;

  @Property({ type: 'json' })
  reasonList!: Reason[];

  @Field(() => [String], { description: 'Presented fields that differ from the document as issued.' })
  @Property({ type: 'json' })
  mismatchedFields!: string[];

  @Field(() => String, { description: 'When it was asked and answered, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24 })
  at!: string;

  @Field(() => [String], { description: 'Why, one line per reason: Arabic — English.' })
  reasons(): string[] {
    return this.reasonList.map(bilingual);
  }

  @Field(() => [AcademicReason], { description: 'Why, with a stable code per reason.' })
  reasonDetails(): AcademicReason[] {
    return this.reasonList.map(reasonOf);
  }
}
