import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new client of the national graph.' })
export class RegisterClientInput {
  @Field(() => String, { description: 'Lowercase letters, digits and dashes, 3–64 characters.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Agency code, e.g. MOH.' }) agency!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => [String], { description: 'Registered purpose codes.' }) purposes!: string[];
  @Field(() => Int, { nullable: true, description: 'Default 600.' }) rateLimitPerMinute?: number;
}

@InputType({ description: 'Changes to a client; omitted fields stay as they are.' })
export class UpdateClientInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => [String], { nullable: true }) scopes?: string[];
  @Field(() => [String], { nullable: true }) purposes?: string[];
  @Field(() => Int, { nullable: true }) rateLimitPerMinute?: number;
}
