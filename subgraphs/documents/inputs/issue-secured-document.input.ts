import { Field, InputType } from 'type-graphql';
import { SecuredFieldInput } from '../types/secured-field.type';
import { UploadDocumentInput } from './upload-document.input';

@InputType({ description: 'A document to store and sign with the issuer’s current key.' })
export class IssueSecuredDocumentInput extends UploadDocumentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Trust-list issuer to sign as: the caller’s agency (default) or one of its bodies, e.g. a university for MOHESR.',
  })
  issuerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date printed on the document, YYYY-MM-DD; default today.',
  })
  issuedAt?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last valid day, YYYY-MM-DD; omit when it does not expire.',
  })
  validUntil?: string | null;

  @Field(() => [SecuredFieldInput], {
    description: 'Essential fields printed on it, signed and put in its QR code.',
  })
  fields!: SecuredFieldInput[];
}
