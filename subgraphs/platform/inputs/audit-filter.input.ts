import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true }) clientId?: string;
  @Field(() => String, { nullable: true }) agency?: string;
  @Field(() => String, { nullable: true }) purpose?: string;
  @Field(() => String, { nullable: true, description: 'National ID whose data was returned.' })
  citizen?: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, inclusive.' }) from?: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, exclusive.' }) to?: string;
}
