import { Field, InputType } from 'type-graphql';
import { UniversityType } from '../entities/enums';

@InputType({ description: 'Narrows the list of universities; every given field must match.' })
export class UniversityFilter {
  @Field(() => UniversityType, { nullable: true })
  type?: UniversityType | null;

  @Field(() => String, { nullable: true, description: 'Governorate code, e.g. BGD.' })
  governorate?: string | null;
}
