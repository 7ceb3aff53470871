import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AcademicSpecialization, specializationOf } from '../outputs/academic-specialization.output';
import { College } from './college.entity';

/** A department (قسم) of a college, teaching one specialization. Public. */
@ObjectType({ description: 'A department (قسم) of a college; it awards degrees in one specialization.' })
@Entity({ tableName: 'department' })
@Index({ properties: ['collegeId', 'id'] })
export class Department {
  @Field(() => ID, { description: 'Department ID, e.g. UNI-01-ENG-CIVIL_ENG.' })
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  /** The college's ID (a foreign key; `college` resolves it). */
  @ManyToOne({ entity: () => College, mapToPk: true, joinColumn: 'college_id' })
  collegeId!: string;

  @Field(() => String, { description: 'Arabic name, e.g. قسم الهندسة المدنية.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Property({ type: 'string', length: 24 })
  specializationCode!: string;

  @Field(() => AcademicSpecialization, { description: 'The specialization its degrees are in.' })
  specialization(): AcademicSpecialization {
    return specializationOf(this.specializationCode);
  }
}
