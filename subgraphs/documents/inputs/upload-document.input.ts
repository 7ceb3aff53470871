import { Field, InputType } from 'type-graphql';
import { DocumentClassification, DocumentLanguage } from '../entities/enums';

@InputType({ description: 'Content of a document version.' })
export class DocumentContentInput {
  @Field(() => String, { description: 'The content, standard base64; at most 1 MiB once decoded.' })
  contentBase64!: string;

  @Field(() => String, { description: 'Media type, e.g. application/pdf or text/plain; charset=utf-8.' })
  mediaType!: string;
}

@InputType({ description: 'A new document, stored for the caller’s agency as version 1.' })
export class UploadDocumentInput extends DocumentContentInput {
  @Field(() => String, { description: 'Title in Arabic, 1–300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Title in English.' })
  titleEn?: string | null;

  @Field(() => String, { description: 'Document type; it must have a retention rule (see retentionRules).' })
  type!: string;

  @Field(() => DocumentLanguage)
  language!: DocumentLanguage;

  @Field(() => DocumentClassification)
  classification!: DocumentClassification;
}
