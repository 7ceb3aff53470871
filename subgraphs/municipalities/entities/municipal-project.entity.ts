import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUSPENDED = 'SUSPENDED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a municipal project stands.',
  valuesConfig: {
    PLANNED: { description: 'Contracted, no progress reported yet.' },
    IN_PROGRESS: { description: 'Work under way; progress is reported.' },
    SUSPENDED: { description: 'Work stopped by the ministry; resumes to IN_PROGRESS.' },
    COMPLETED: { description: 'Reported at 100%; no further reports.' },
  },
});

/** A public work followed up by the ministry: plan, budget, contractor, progress. */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["municipalities.project:read"]])')
@ObjectType({
  description: 'A municipal works project followed up by the Ministry of Construction and Housing.',
})
@Entity({ tableName: 'municipal_project' })
export class MunicipalProject {
  @Field(() => ID, { description: 'Project id, e.g. MP-0001.' })
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Field(() => String, { description: 'Title in Arabic.' })
  @Property({ type: 'string' })
  title!: string;

  @Field(() => String, { description: 'Title in English.' })
  @Property({ type: 'string' })
  titleEn!: string;

  @Index()
  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  @Field(() => GovernorateType, { description: 'Governorate where the work is.' })
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }

  @Field(() => Float, { description: 'Contract budget in Iraqi dinars (IQD).' })
  @Property({ type: 'double', runtimeType: 'number' })
  budget!: number;

  @Field(() => Int, { description: 'Physical progress in percent (0–100), as last reported.' })
  @Property({ type: 'integer' })
  progress!: number;

  @Field(() => ProjectStatus)
  @Property({ type: 'string', length: 16 })
  status!: ProjectStatus;

  @Field(() => String, { description: 'Planned start, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  plannedStartDate!: string;

  @Field(() => String, { description: 'Planned end, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  plannedEndDate!: string;

  @Field(() => String, { nullable: true, description: 'Date progress reached 100%; null until then.' })
  @Property({ type: 'string', length: 10, nullable: true })
  completedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the project is suspended; null when it is not.' })
  @Property({ type: 'string', nullable: true })
  suspensionReason?: string | null;

  @Index()
  @Property({ type: 'string', length: 16 })
  contractorId!: string;
}
