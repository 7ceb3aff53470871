import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';

/** A person in the civil-registry mirror. Reaching one needs basic-identity scope. */
@Directive('@key(fields: "nationalId")')
@Directive('@requiresScopes(scopes: [["identity.citizen.basic:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description: 'A citizen as recorded by the civil registry (mirror kept by the National Data Center).',
})
@Entity({ tableName: 'citizen' })
export class Citizen {
  @Field(() => String, { description: '12-digit national ID number.' })
  @PrimaryKey({ type: 'string', length: 12 })
  nationalId!: string;

  @Field(() => String, { description: 'Full name in Arabic (four-part name).' })
  @Property({ type: 'string' })
  fullName!: string;

  @Field(() => String, { description: 'Full name in English transliteration.' })
  @Property({ type: 'string' })
  fullNameEn!: string;

  @Field(() => String, { description: 'MALE or FEMALE.' })
  @Property({ type: 'string', length: 6 })
  sex!: string;

  @Field(() => String, { description: 'Date of birth, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  birthDate!: string;

  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  @Field(() => String, { nullable: true, description: 'Registered residential address.' })
  @Directive('@requiresScopes(scopes: [["identity.citizen.address:read"]])')
  @Property({ type: 'string', nullable: true })
  address?: string | null;

  @Field(() => GovernorateType, { description: 'Governorate of registration.' })
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }
}
