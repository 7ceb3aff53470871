import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A client's own public key: tokens it signs with the private half name this key's id as `kid`. */
@Directive('@requiresScopes(scopes: [["platform.admin"]])')
@ObjectType({ description: 'A public key a client signs its own tokens with.' })
@Entity({ tableName: 'client_key' })
export class ClientKey {
  @Field(() => String, { description: 'Key id (the JWT `kid`).' })
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64, index: true })
  clientId!: string;

  @Field(() => String, { description: 'Ed25519 public key, SPKI PEM.' })
  @Property({ type: 'text' })
  publicKeyPem!: string;

  @Field(() => String, { description: 'ACTIVE or REVOKED; a revoked key is refused on the next request.' })
  @Property({ type: 'string', length: 16 })
  status!: 'ACTIVE' | 'REVOKED';

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  createdAt!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  revokedAt?: string | null;
}
