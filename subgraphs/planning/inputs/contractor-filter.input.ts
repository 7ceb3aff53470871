import { Field, InputType, Int } from 'type-graphql';
import { ContractorStatus, Specialization } from '../entities/contractor.entity';

@InputType({ description: 'Narrows the contractor registry; every condition given must hold.' })
export class ContractorFilter {
  @Field(() => ContractorStatus, { nullable: true, description: 'Only contractors in this status.' })
  status?: ContractorStatus;

  @Field(() => Int, { nullable: true, description: 'Only contractors of exactly this grade (1–10).' })
  grade?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Only contractors of this grade or better (grade ≤ maxGrade; 1 is the highest).',
  })
  maxGrade?: number;

  @Field(() => Specialization, { nullable: true, description: 'Only contractors classified for this.' })
  specialization?: Specialization;

  @Field(() => String, { nullable: true, description: 'Governorate code of registration, e.g. BGD.' })
  governorate?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the Arabic or English company name (case, hamza and diacritics ignored).',
  })
  nameContains?: string;
}
