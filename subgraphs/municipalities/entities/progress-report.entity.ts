import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MunicipalProject } from './municipal-project.entity';

/** One progress report on a project; reports of a project never go back in date. */
@Directive('@requiresScopes(scopes: [["municipalities.project:read"]])')
@ObjectType({ description: 'A progress report filed on a municipal project.' })
@Entity({ tableName: 'progress_report' })
@Unique({ properties: ['projectId', 'sequence'] })
export class ProgressReport {
  @Field(() => ID, { description: 'Report id, e.g. PR-000001.' })
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @ManyToOne(() => MunicipalProject, { mapToPk: true, fieldName: 'project_id' })
  projectId!: string;

  /** 1, 2, 3 … within the project: the order of reports filed on the same day. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => String, { description: 'Date of the report, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  reportedAt!: string;

  @Field(() => Int, { description: 'Progress in percent (0–100) as of this report.' })
  @Property({ type: 'integer' })
  progress!: number;

  @Field(() => Int, { description: 'Progress in percent before this report.' })
  @Property({ type: 'integer' })
  previousProgress!: number;

  @Field(() => String, { nullable: true, description: 'What was done, in the reporter’s words.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Why progress went back, when it did.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => String, { description: 'Client (or agency) that filed the report.' })
  @Property({ type: 'string', length: 64 })
  reportedBy!: string;
}
