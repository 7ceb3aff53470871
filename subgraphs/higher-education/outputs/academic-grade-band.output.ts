import { Field, ObjectType } from 'type-graphql';
import { gradeBand } from '../../../kit/demo/academic-records';

@ObjectType({ description: 'Iraqi grade band (تقدير) of an average: امتياز, جيد جداً, جيد, متوسط, مقبول.' })
export class AcademicGradeBand {
  @Field(() => String, { description: 'Arabic, e.g. جيد جداً.' }) ar!: string;
  @Field(() => String, { description: 'English, e.g. Very good.' }) en!: string;
}

export function gradeBandOf(average: number): AcademicGradeBand {
  return Object.assign(new AcademicGradeBand(), gradeBand(average));
}
