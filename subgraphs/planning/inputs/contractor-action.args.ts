import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class RenewClassificationArgs {
  @Field(() => ID, { description: 'Registry ID, e.g. CTR-0001.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'New grade (1–10); the same grade when omitted.' })
  grade?: number | null;
}

@ArgsType()
export class ContractorReasonArgs {
  @Field(() => ID, { description: 'Registry ID, e.g. CTR-0001.' })
  id!: string;

  @Field(() => String, { description: 'Why, as it will stand in the classification history.' })
  reason!: string;
}
