import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { IssuerKind } from './enums';

/** A body in the national trust list: a university or an agency that signs secured documents. */
@ObjectType({ description: 'An issuer of secured documents, with its public keys (the trust list).' })
@Entity({ tableName: 'issuer' })
export class Issuer {
  @Field(() => ID, { description: 'UNI-01… for universities, the agency code for agencies.' })
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Field(() => String, { description: 'Arabic name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Field(() => String, { description: 'Agency answerable for it (universities: MOHESR).' })
  @Property({ type: 'string', length: 16 })
  agencyCode!: string;

  @Field(() => IssuerKind)
  @Property({ type: 'string', length: 16 })
  kind!: IssuerKind;
}
