import { Field, ObjectType } from 'type-graphql';
import { knownSpecialization } from '../rules/academic-catalogue';

@ObjectType({ description: 'A field of study in the ministry’s catalogue.' })
export class AcademicSpecialization {
  @Field(() => String, { description: 'Catalogue code, e.g. CIVIL_ENG.' }) code!: string;
  @Field(() => String, { description: 'Arabic name.' }) name!: string;
  @Field(() => String, { description: 'English name.' }) nameEn!: string;
}

export function specializationOf(code: string): AcademicSpecialization {
  const s = knownSpecialization(code);
  return Object.assign(new AcademicSpecialization(), { code: s.code, name: s.ar, nameEn: s.en });
}
