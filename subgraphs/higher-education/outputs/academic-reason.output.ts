import { Field, ObjectType } from 'type-graphql';
import type { Reason } from '../rules/reason';

@ObjectType({ description: 'One reason behind an answer, with a stable code, in Arabic and English.' })
export class AcademicReason {
  @Field(() => String, { description: 'Stable code, e.g. GRADE_BELOW_MINIMUM.' }) code!: string;
  @Field(() => String, { description: 'The reason in Arabic.' }) ar!: string;
  @Field(() => String, { description: 'The reason in English.' }) en!: string;
}

export function reasonOf(reason: Reason): AcademicReason {
  return Object.assign(new AcademicReason(), { code: reason.code, ar: reason.ar, en: reason.en });
}
