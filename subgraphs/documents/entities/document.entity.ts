import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DocumentClassification, DocumentLanguage, DocumentStatus } from './enums';

/**
 * A record in the national document store: metadata and a pointer to its current version.
 * A secured document also carries what its issuer signed (fields, content hash, signature) and
 * never changes after signing; it can only be suspended, reinstated or revoked.
 *
 * Who may see it depends on its classification (row-level, in the resolvers): PUBLIC is open,
 * every other level needs its own read scope.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A document in the national document store (metadata; content via versions).' })
@Entity({ tableName: 'document' })
@Index({ properties: ['issuingAgency', 'type'] })
export class Document {
  @Field(() => ID, { description: 'Document ID, e.g. DOC-000001.' })
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Field(() => String, { description: 'Title in Arabic.' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Title in English.' })
  @Property({ type: 'string', length: 300, nullable: true })
  titleEn?: string | null;

  @Field(() => String, {
    description: 'Document type; every type has a retention rule (see retentionRules).',
  })
  @Index()
  @Property({ type: 'string', length: 40 })
  type!: string;

  @Field(() => DocumentLanguage)
  @Property({ type: 'string', length: 8 })
  language!: DocumentLanguage;

  @Field(() => DocumentClassification)
  @Index()
  @Property({ type: 'string', length: 16 })
  classification!: DocumentClassification;

  @Field(() => String, { description: 'Code of the agency answerable for the document, e.g. NDC.' })
  @Property({ type: 'string', length: 16 })
  issuingAgency!: string;

  /** Trust-list issuer that signed it (secured documents only); `issuer` resolves it. */
  @Index()
  @Property({ type: 'string', length: 16, nullable: true })
  issuerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Records-register number, AGENCY/YEAR/NNNNNN (e.g. NDC/2026/000123); null until registered.',
  })
  @Unique()
  @Property({ type: 'string', length: 40, nullable: true })
  registeredNumber?: string | null;

  @Field(() => String, { description: 'When the document entered the store, ISO 8601 UTC.' })
  @Index()
  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  /** Client that created it. */
  @Property({ type: 'string', length: 64 })
  createdBy!: string;

  @Field(() => Int, { description: 'Number of the current version (1 for a new document).' })
  @Property({ type: 'integer' })
  currentVersion!: number;

  @Field(() => DocumentStatus)
  @Index()
  @Property({ type: 'string', length: 16 })
  status!: DocumentStatus;

  @Field(() => String, { nullable: true, description: 'When the status last changed, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24, nullable: true })
  statusSince?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the issuing agency suspended or revoked it.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Short code printed on a secured document for verification (XXXX-XXXX-XX).',
  })
  @Unique()
  @Property({ type: 'string', length: 12, nullable: true })
  verificationCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Ed25519 signature of the statement, base64url.' })
  @Property({ type: 'string', length: 100, nullable: true })
  signature?: string | null;

  @Field(() => String, { nullable: true, description: 'Trust-list key that signed it.' })
  @Property({ type: 'string', length: 32, nullable: true })
  keyId?: string | null;

  @Field(() => String, { nullable: true, description: 'When it was signed, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24, nullable: true })
  signedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Date printed on the secured document, YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10, nullable: true })
  issuedAt?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day the secured document is valid, YYYY-MM-DD; null when it does not expire.',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  validUntil?: string | null;

  /** The signed essential fields, as JSON text; `securedFields` lists them. */
  @Property({ type: 'text', nullable: true })
  signedFields?: string | null;

  /** SHA-256 (hex) of the signed version's content, as signed. */
  @Property({ type: 'string', length: 64, nullable: true })
  signedContentHash?: string | null;

  @Field(() => Boolean, { description: 'True for a document signed by its issuer (verifiable).' })
  secured(): boolean {
    return !!this.signature;
  }
}
