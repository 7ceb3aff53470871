import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Whether the caller may read one field, and if not what it lacks.' })
export class FieldPermission {
  @Field(() => String, { description: 'Schema coordinate, e.g. DisabilityRecord.medicalNotes.' })
  coordinate!: string;
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => [String]) missingScopes!: string[];
  @Field(() => Boolean, { description: 'Personal data: the request must declare an allowed purpose.' })
  needsPurpose!: boolean;
}

@ObjectType({ description: 'What the caller is, and what it may read in the national graph.' })
export class PermissionReport {
  @Field(() => String, { nullable: true }) clientId!: string | null;
  @Field(() => String, { nullable: true }) agency!: string | null;
  @Field(() => [String]) scopes!: string[];
  @Field(() => String, { nullable: true, description: 'The purpose declared on this request.' })
  purpose!: string | null;
  @Field(() => [FieldPermission], { description: 'Every field that needs something, with the verdict.' })
  fields!: FieldPermission[];
}
