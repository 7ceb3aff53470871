import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Issuer } from './issuer.entity';

/**
 * A signing key of an issuer. This subgraph is the platform's signing service (as an HSM would
 * be): the private key is generated here at seed time, stored only in this database, and has no
 * GraphQL field. The public half and its validity window are the trust list.
 */
@ObjectType({ description: 'A public signing key of an issuer, with its validity window.' })
@Entity({ tableName: 'issuer_key' })
export class IssuerKey {
  @Field(() => String, { description: 'Key ID, e.g. UNI-01-K2.' })
  @PrimaryKey({ type: 'string', length: 32 })
  keyId!: string;

  @Field(() => String)
  @ManyToOne({ entity: () => Issuer, mapToPk: true, joinColumn: 'issuer_id' })
  issuerId!: string;

  @Field(() => Int, { description: '1 for the issuer’s first key, then one more per rotation.' })
  @Property({ type: 'integer' })
  generation!: number;

  @Field(() => String, { description: 'Always Ed25519.' })
  @Property({ type: 'string', length: 16 })
  algorithm!: 'Ed25519';

  @Field(() => String, { description: 'Raw 32-byte public key, base64.' })
  @Property({ type: 'string', length: 64 })
  publicKey!: string;

  /** PKCS#8 DER, base64. Secret: never a GraphQL field, never exported. */
  @Property({ type: 'text' })
  privateKey!: string;

  @Field(() => String, { description: 'First instant a signature by this key counts, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24 })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First instant it no longer counts (rotated out); null while current.',
  })
  @Property({ type: 'string', length: 24, nullable: true })
  validUntil!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the issuer revoked it; every signature by a revoked key is void.',
  })
  @Property({ type: 'string', length: 24, nullable: true })
  revokedAt!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  revocationReason!: string | null;
}
