import { Field, InputType } from 'type-graphql';
import { DocumentClassification, DocumentStatus } from '../entities/enums';

@InputType({
  description:
    'Narrows a list of documents; every given field must match. Documents the caller is not cleared for are never listed.',
})
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'Document type, e.g. CIRCULAR.' })
  type?: string | null;

  @Field(() => DocumentClassification, { nullable: true })
  classification?: DocumentClassification | null;

  @Field(() => String, { nullable: true, description: 'Issuing agency code, e.g. NDC.' })
  issuingAgency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Trust-list issuer of secured documents, e.g. UNI-01.',
  })
  issuerId?: string | null;

  @Field(() => DocumentStatus, { nullable: true })
  status?: DocumentStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: secured (signed) documents only; false: the others.',
  })
  secured?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: registered documents only; false: unregistered.',
  })
  registered?: boolean | null;
}
