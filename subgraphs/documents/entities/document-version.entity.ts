import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Document } from './document.entity';

/**
 * One version of a document's content, stored by the subgraph itself with its SHA-256, so the
 * store can show that what it hands out is what was uploaded. Versions are never changed or
 * deleted; a new upload is a new version.
 */
@ObjectType({ description: 'One version of a document’s content.' })
@Entity({ tableName: 'document_version' })
@Unique({ properties: ['documentId', 'version'] })
export class DocumentVersion {
  @Field(() => ID, { description: 'DOCUMENT-ID/vN, e.g. DOC-000001/v1.' })
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => ID)
  @ManyToOne({ entity: () => Document, mapToPk: true, joinColumn: 'document_id' })
  documentId!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  version!: number;

  /** The content itself; `content` and `contentBase64` give it to callers cleared for it. */
  @Property({ type: 'blob' })
  bytes!: Buffer;

  @Field(() => String, { description: 'SHA-256 of the content, lowercase hex.' })
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String, { description: 'Media type, e.g. text/plain; charset=utf-8 or application/pdf.' })
  @Property({ type: 'string', length: 100 })
  mediaType!: string;

  @Field(() => String, { description: 'When this version was stored, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  @Field(() => String, { description: 'Client that stored it.' })
  @Property({ type: 'string', length: 64 })
  createdBy!: string;
}

export function versionId(documentId: string, version: number): string {
  return `${documentId}/v${version}`;
}
