import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AcademicGradeBand, gradeBandOf } from '../outputs/academic-grade-band.output';
import { AcademicSpecialization, specializationOf } from '../outputs/academic-specialization.output';
import { Citizen, citizenStub } from './citizen.entity';
import { Department } from './department.entity';
import { Document, documentStub } from './document.entity';
import { AcademicDocumentKind, AcademicDocumentStatus } from './enums';
import { University } from './university.entity';

const GRADE = '@requiresScopes(scopes: [["highered.document.grade:read"]])';

/** A degree, diploma or transcript a university issued to a citizen. Grades need their own scope. */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["highered.document:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description:
    'An academic document (degree, diploma or transcript) issued by a university to a citizen; each one is a secured document in the documents subgraph.',
})
@Entity({ tableName: 'academic_document' })
@Index({ properties: ['holderNationalId', 'id'] }) // a citizen's documents, in ID order
@Index({ properties: ['universityId', 'id'] }) // a university's documents, in page order
export class AcademicDocument {
  @Field(() => ID, { description: 'Academic document ID, e.g. AD-000001.' })
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Property({ type: 'string', length: 12 })
  holderNationalId!: string;

  /** The issuing university's code (a foreign key; `university` resolves it). */
  @ManyToOne({ entity: () => University, mapToPk: true, joinColumn: 'university_id' })
  universityId!: string;

  /** The department that awarded it (a foreign key; `department` resolves it). */
  @ManyToOne({ entity: () => Department, mapToPk: true, joinColumn: 'department_id' })
  departmentId!: string;

  @Field(() => AcademicDocumentKind)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  kind!: AcademicDocumentKind;

  @Index()
  @Property({ type: 'string', length: 24 })
  specializationCode!: string;

  @Field(() => Int, { description: 'Year of graduation.' })
  @Property({ type: 'integer' })
  graduationYear!: number;

  @Field(() => Float, { nullable: true, description: 'Grade average out of 100, one decimal.' })
  @Directive(GRADE)
  @Property({ type: 'double', runtimeType: 'number' })
  gradeAverage!: number;

  @Field(() => String, {
    description: 'Serial number printed on the document, e.g. UNI-01-2015-00001; unique.',
  })
  @Property({ type: 'string', length: 24, unique: true })
  serialNumber!: string;

  @Field(() => String, { description: 'Date the university issued it, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  issuedAt!: string;

  /** The secured document in the documents subgraph (`document` resolves it there). */
  @Property({ type: 'string', length: 16, unique: true })
  documentId!: string;

  @Field(() => Int, {
    description:
      'Generation of the university’s signing key it is signed under: 1 before the 2022 rotation, 2 after.',
  })
  @Property({ type: 'integer' })
  signingKeyGeneration!: number;

  @Field(() => AcademicDocumentStatus)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  status!: AcademicDocumentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'When it was revoked, ISO 8601 UTC; null while ACTIVE.',
  })
  @Property({ type: 'string', length: 24, nullable: true })
  revokedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; null while ACTIVE.' })
  @Property({ type: 'text', nullable: true })
  revocationReason?: string | null;

  @Field(() => Citizen, { nullable: true, description: 'The citizen it was issued to.' })
  holder(): Citizen {
    return citizenStub(this.holderNationalId);
  }

  @Field(() => AcademicSpecialization)
  specialization(): AcademicSpecialization {
    return specializationOf(this.specializationCode);
  }

  @Field(() => AcademicGradeBand, { nullable: true, description: 'Grade band (تقدير) of the average.' })
  @Directive(GRADE)
  gradeBand(): AcademicGradeBand {
    return gradeBandOf(this.gradeAverage);
  }

  @Field(() => Document, {
    description: 'The secured document carrying it: content hash, signatures and verification code.',
  })
  document(): Document {
    return documentStub(this.documentId);
  }
}
