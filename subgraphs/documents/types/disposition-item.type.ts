import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DocumentClassification, DispositionAction } from '../entities/enums';

/**
 * A record whose retention period has ended: what the records officer must destroy or transfer.
 * The title is shown only when the caller is cleared for the document's classification: an
 * officer learns what is due without reading what they are not cleared for.
 */
@ObjectType({ description: 'A document due for destruction or transfer under the retention schedule.' })
export class DispositionItem {
  @Field(() => ID) documentId!: string;
  @Field(() => String) type!: string;
  @Field(() => DocumentClassification) classification!: DocumentClassification;
  @Field(() => String) issuingAgency!: string;
  @Field(() => String, { nullable: true }) registeredNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Null when the caller is not cleared for it.' })
  title!: string | null;
  @Field(() => String, { description: 'When the document was created, ISO 8601 UTC.' }) createdAt!: string;
  @Field(() => String, { description: 'Day its retention period ended, YYYY-MM-DD.' }) dueAt!: string;
  @Field(() => Int) retainYears!: number;
  @Field(() => DispositionAction) disposition!: DispositionAction;
}
