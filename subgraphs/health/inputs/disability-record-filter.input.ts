import { Field, InputType, Int } from 'type-graphql';
import { DisabilityStatus, DisabilityType } from '../entities/enums';

@InputType({ description: 'Narrows a list of disability records; every given field must match.' })
export class DisabilityRecordFilter {
  @Field(() => DisabilityStatus, { nullable: true })
  status?: DisabilityStatus | null;

  @Field(() => DisabilityType, { nullable: true })
  disabilityType?: DisabilityType | null;

  @Field(() => Int, { nullable: true, description: 'Records with at least this percentage (0–100).' })
  minPercentage?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Governorate code (e.g. BGD) of the committee that last decided on the record.',
  })
  governorate?: string | null;
}
