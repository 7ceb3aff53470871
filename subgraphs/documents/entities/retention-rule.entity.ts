import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DispositionAction } from './enums';

/**
 * The retention schedule, one rule per document type: how long a record is kept after it is
 * created, and what happens then. A type without a rule cannot be stored, so no record is ever
 * kept without an end.
 */
@ObjectType({ description: 'How long documents of a type are kept, and what happens to them then.' })
@Entity({ tableName: 'retention_rule' })
export class RetentionRule {
  @Field(() => String, { description: 'Document type, e.g. CORRESPONDENCE.' })
  @PrimaryKey({ type: 'string', length: 40 })
  documentType!: string;

  @Field(() => String, { description: 'Arabic name of the type.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name of the type.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Field(() => Int, { description: 'Years kept after creation.' })
  @Property({ type: 'integer' })
  retainYears!: number;

  @Field(() => DispositionAction)
  @Property({ type: 'string', length: 24 })
  disposition!: DispositionAction;
}
