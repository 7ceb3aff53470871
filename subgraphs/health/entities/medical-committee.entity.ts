import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';

/** A medical committee (لجنة طبية) of a governorate's health directorate. Any authenticated client. */
@Directive('@key(fields: "id")')
@Directive('@authenticated')
@ObjectType({
  description: 'A medical committee of a health directorate: it examines citizens and decides on disability.',
})
@Entity({ tableName: 'medical_committee' })
export class MedicalCommittee {
  @Field(() => ID, { description: 'Committee ID, e.g. MC-BGD-1.' })
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Field(() => String, { description: 'Arabic name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Index()
  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  @Field(() => Boolean, {
    description: 'False once the committee is dissolved: it records no new decisions.',
  })
  @Property({ type: 'boolean' })
  active!: boolean;

  @Field(() => GovernorateType, { description: 'Governorate whose health directorate holds the committee.' })
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }
}
