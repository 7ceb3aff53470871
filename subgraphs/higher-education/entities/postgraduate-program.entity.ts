import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PostgraduateDegree } from './enums';
import { University } from './university.entity';

/** A master's or doctoral program, admitting applicants by its rules. */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
@ObjectType({ description: 'A postgraduate (master’s or doctoral) program and the rules it admits by.' })
@Entity({ tableName: 'postgraduate_program' })
@Index({ properties: ['universityId', 'id'] })
export class PostgraduateProgram {
  @Field(() => ID, { description: 'Program ID, e.g. PGP-001.' })
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  /** The university's code (a foreign key; `university` resolves it). */
  @ManyToOne({ entity: () => University, mapToPk: true, joinColumn: 'university_id' })
  universityId!: string;

  @Field(() => String, { description: 'Arabic name, e.g. ماجستير الهندسة المدنية.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Field(() => PostgraduateDegree)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  degree!: PostgraduateDegree;

  @Field(() => Int, { description: 'Seats offered in the current admission round.' })
  @Property({ type: 'integer' })
  seats!: number;
}
