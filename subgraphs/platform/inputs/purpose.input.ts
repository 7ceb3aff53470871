import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A purpose to register, with its legal basis.' })
export class RegisterPurposeInput {
  @Field(() => String, { description: 'UPPER_SNAKE_CASE.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => String) legalBasisEn!: string;
}
