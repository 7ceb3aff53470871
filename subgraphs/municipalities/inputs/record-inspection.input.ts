import { Field, ID, InputType } from 'type-graphql';
import { InspectionResult } from '../entities/inspection.entity';

@InputType({ description: 'A site inspection of a municipal project.' })
export class RecordInspectionInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => String, { description: 'Date of the inspection, YYYY-MM-DD, not in the future.' })
  date!: string;

  @Field(() => String, { description: 'Inspecting engineer, in Arabic.' })
  inspector!: string;

  @Field(() => InspectionResult)
  result!: InspectionResult;

  @Field(() => String, { nullable: true, description: 'Findings; required when the result is FAILED.' })
  notes?: string | null;
}
