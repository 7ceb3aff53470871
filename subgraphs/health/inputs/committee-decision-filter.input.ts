import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of committee decisions; every given field must match.' })
export class CommitteeDecisionFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Decisions about this citizen (12-digit national ID).',
  })
  citizenNationalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Decisions of this committee, e.g. MC-BGD-1.' })
  committeeId?: string | null;
}
