import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A registered purpose of processing personal data, with its legal basis. */
@Directive('@authenticated')
@ObjectType({ description: 'A registered purpose for reading personal data, with its legal basis.' })
@Entity({ tableName: 'purpose' })
export class Purpose {
  @Field(() => String, {
    description: 'Code sent in the ur-purpose header, e.g. SOCIAL_WELFARE_ELIGIBILITY.',
  })
  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Field(() => String, { description: 'Arabic name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  nameEn!: string;

  @Field(() => String, { description: 'The law or regulation that allows it (Arabic).' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  legalBasisEn!: string;
}
