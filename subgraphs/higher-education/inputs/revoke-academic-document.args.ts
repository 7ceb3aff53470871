import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class RevokeAcademicDocumentArgs {
  @Field(() => ID, { description: 'Academic document ID, e.g. AD-000001.' })
  id!: string;

  @Field(() => String, {
    description: 'Why, as every later verification will be told (e.g. a forgery finding).',
  })
  reason!: string;
}
