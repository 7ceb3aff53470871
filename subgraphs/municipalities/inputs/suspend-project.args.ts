import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class SuspendProjectArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Why work stops; kept on the project until it resumes.' })
  reason!: string;
}
