import { Field, InputType } from 'type-graphql';
import { VerificationOutcome } from '../entities/enums';

@InputType({ description: 'Narrows the verification-request log; every given field must match.' })
export class VerificationRequestFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Requests about documents of this university (or serials naming it), e.g. UNI-01.',
  })
  universityCode?: string | null;

  @Field(() => VerificationOutcome, { nullable: true })
  outcome?: VerificationOutcome | null;
}
