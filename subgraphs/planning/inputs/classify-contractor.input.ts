import { Field, InputType, Int } from 'type-graphql';
import { Specialization } from '../entities/contractor.entity';

@InputType({ description: 'A company to classify and enter in the contractor registry.' })
export class ClassifyContractorInput {
  @Field(() => String, { description: 'Company name in Arabic, e.g. «شركة الرافدين للمقاولات العامة».' })
  name!: string;

  @Field(() => String, { description: 'Company name in English.' })
  nameEn!: string;

  @Field(() => Int, { description: 'Grade granted: 1 (highest) to 10.' })
  grade!: number;

  @Field(() => [Specialization], { description: 'Fields of works; at least one.' })
  specializations!: Specialization[];

  @Field(() => String, { description: 'Governorate code of registration, e.g. BGD.' })
  governorate!: string;

  @Field(() => String, { description: 'National ID of the owner (12 digits).' })
  ownerNationalId!: string;
}
