import { Field, InputType, ObjectType } from 'type-graphql';

/** One essential field of a secured document, as signed and carried in its QR code. */
@ObjectType({ description: 'An essential field of a secured document, as signed.' })
export class SecuredField {
  @Field(() => String, { description: 'camelCase name, e.g. gradeAverage.' }) name!: string;
  @Field(() => String) value!: string;
}

@InputType({ description: 'An essential field to sign into a secured document.' })
export class SecuredFieldInput {
  @Field(() => String, { description: 'camelCase letters and digits, at most 40.' }) name!: string;
  @Field(() => String, { description: '1 to 200 characters.' }) value!: string;
}
