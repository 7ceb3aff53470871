import { Field, ID, InputType, Int } from 'type-graphql';
import { DecisionKind, DisabilityType } from '../entities/enums';
import type { DecisionInput } from '../rules/committee-decision.rules';

@InputType({ description: 'A medical committee’s decision, as written in its session minutes.' })
export class RecordCommitteeDecisionInput implements DecisionInput {
  @Field(() => String, { description: '12-digit national ID of the citizen examined.' })
  citizenNationalId!: string;

  @Field(() => ID, { description: 'The deciding committee; it must be active.' })
  committeeId!: string;

  @Field(() => String, { description: 'Date the committee sat, YYYY-MM-DD; not in the future.' })
  sessionDate!: string;

  @Field(() => DecisionKind)
  kind!: DecisionKind;

  @Field(() => DisabilityType)
  disabilityType!: DisabilityType;

  @Field(() => Int, { description: 'Disability percentage, 0–100.' })
  percentage!: number;

  @Field(() => Boolean, { description: 'True when the disability is permanent (then no reviewDate).' })
  permanent!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Next review, YYYY-MM-DD, after sessionDate; required when not permanent.',
  })
  reviewDate?: string | null;

  @Field(() => String, { description: 'The committee’s minutes, in Arabic.' })
  deliberations!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Medical notes for the record, in Arabic; omitted keeps the record’s current notes.',
  })
  medicalNotes?: string | null;
}
