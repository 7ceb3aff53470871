import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AcademicSpecialization, specializationOf } from '../outputs/academic-specialization.output';
import { AcademicDocumentKind } from './enums';
import { PostgraduateProgram } from './postgraduate-program.entity';

/**
 * One way into a program, as data: an applicant whose prior document meets every condition of
 * any one of the program's rules has a consistent background (انسجام الخلفية).
 */
@Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
@ObjectType({
  description:
    'An admission rule of a postgraduate program: the prior specializations and degrees it accepts and the minimum grade.',
})
@Entity({ tableName: 'admission_rule' })
@Index({ properties: ['programId', 'id'] })
export class AdmissionRule {
  @Field(() => ID, { description: 'Rule ID: program ID and rule number, e.g. PGP-001-R1.' })
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** The program's ID (a foreign key; `program` resolves it). */
  @ManyToOne({ entity: () => PostgraduateProgram, mapToPk: true, joinColumn: 'program_id' })
  programId!: string;

  @Property({ type: 'json' })
  acceptedSpecializationCodes!: string[];

  @Field(() => [AcademicDocumentKind], { description: 'Prior degrees accepted, e.g. [BACHELOR].' })
  @Property({ type: 'json' })
  acceptedPriorDegrees!: AcademicDocumentKind[];

  @Field(() => Float, { description: 'Minimum grade average of the prior degree, out of 100.' })
  @Property({ type: 'double', runtimeType: 'number' })
  minimumGradeAverage!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many years since graduating with the prior degree; null for no limit.',
  })
  @Property({ type: 'integer', nullable: true })
  maxYearsSinceGraduation?: number | null;

  @Field(() => [AcademicSpecialization], { description: 'Prior specializations accepted.' })
  acceptedSpecializations(): AcademicSpecialization[] {
    return this.acceptedSpecializationCodes.map(specializationOf);
  }
}
