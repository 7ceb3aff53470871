import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A progress report on a municipal project.' })
export class ReportProgressInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Int, { description: 'Progress in percent, 0–100.' })
  progress!: number;

  @Field(() => String, {
    description: 'Date of the report, YYYY-MM-DD: not before the latest report, not in the future.',
  })
  reportedAt!: string;

  @Field(() => String, { nullable: true, description: 'What was done.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Why progress went back; required when it does.' })
  reason?: string | null;
}
