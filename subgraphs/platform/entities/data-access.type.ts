import { Field, ObjectType } from 'type-graphql';

/** One access to a citizen's data, as the citizen sees it in their data tracker. */
@ObjectType({ description: 'Who read your data, when, which fields, and for what purpose.' })
export class DataAccess {
  @Field(() => String) at!: string;
  @Field(() => String, { nullable: true, description: 'Agency code.' }) agency!: string | null;
  @Field(() => String, { nullable: true, description: 'Agency name in Arabic.' }) agencyName!: string | null;
  @Field(() => String, { nullable: true }) agencyNameEn!: string | null;
  @Field(() => String, { nullable: true }) clientId!: string | null;
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field(() => String, { nullable: true }) caseNumber!: string | null;
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => [String], { description: 'Fields the operation read (denied ones left out).' })
  fields!: string[];
}
