import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { University } from './university.entity';

/** A college (كلية) of a university. Public. */
@ObjectType({ description: 'A college (كلية) of a university.' })
@Entity({ tableName: 'college' })
@Index({ properties: ['universityId', 'id'] })
export class College {
  @Field(() => ID, { description: 'College ID: university code and college code, e.g. UNI-01-ENG.' })
  @PrimaryKey({ type: 'string', length: 32 })
  id!: string;

  /** The university's code (a foreign key; `university` resolves it). */
  @ManyToOne({ entity: () => University, mapToPk: true, joinColumn: 'university_id' })
  universityId!: string;

  @Field(() => String, { description: 'Arabic name, e.g. كلية الهندسة.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;
}
