import { Field, ID, InputType } from 'type-graphql';
import { ProjectStatus } from '../entities/municipal-project.entity';

@InputType({ description: 'Narrows a list of municipal projects; every field given must hold.' })
export class MunicipalProjectFilter {
  @Field(() => String, { nullable: true, description: 'Governorate code, e.g. BGD.' })
  governorate?: string | null;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus | null;

  @Field(() => ID, { nullable: true, description: 'Contractor id, e.g. CTR-0001.' })
  contractorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only projects behind plan today (delayDays > 0).' })
  delayedOnly?: boolean | null;
}
