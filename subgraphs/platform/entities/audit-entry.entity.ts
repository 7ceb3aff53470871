import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * One operation on the national graph, as recorded before its answer was released. Append-only:
 * each entry's `hash` covers its fields and the previous entry's hash, so an edited or deleted
 * row breaks the chain (`npm run audit:verify`). Digests only, never response bodies.
 */
@Directive('@requiresScopes(scopes: [["platform.audit:read"]])')
@ObjectType({ description: 'An operation recorded in the tamper-evident audit trail.' })
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  @Field(() => Int, { description: 'Position in the chain, from 1, without gaps.' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  @Field(() => String, { description: 'When the operation was received (ISO 8601, UTC).' })
  @Property({ type: 'string', length: 32, index: true })
  at!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true, index: true })
  clientId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true, index: true })
  agency?: string | null;

  @Field(() => String, { nullable: true, description: 'Set when a citizen called as themselves.' })
  @Property({ type: 'string', length: 12, nullable: true })
  citizenId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true, index: true })
  purpose?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  caseNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 256, nullable: true })
  operationName?: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the GraphQL document.' })
  @Property({ type: 'string', length: 64, nullable: true })
  documentHash?: string | null;

  @Field(() => [String], { description: 'Schema coordinates the operation asked for.' })
  @Property({ type: 'json' })
  fieldsRequested!: string[];

  @Field(() => [String], { description: 'Coordinates the router denied.' })
  @Property({ type: 'json' })
  fieldsDenied!: string[];

  @Field(() => [String])
  @Property({ type: 'json' })
  subgraphs!: string[];

  @Field(() => String, {
    description: 'OK, PARTIAL, DENIED, REJECTED or FAILED, with an error code when not OK.',
  })
  @Property({ type: 'string', length: 64 })
  outcome!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMs!: number;

  @Field(() => [String], { description: 'National IDs whose personal data was returned.' })
  @Property({ type: 'json' })
  subjects!: string[];

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
