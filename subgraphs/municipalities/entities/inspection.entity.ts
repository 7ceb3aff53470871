import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MunicipalProject } from './municipal-project.entity';

export enum InspectionResult {
  PASSED = 'PASSED',
  REMARKS = 'REMARKS',
  FAILED = 'FAILED',
}

registerEnumType(InspectionResult, {
  name: 'InspectionResult',
  description: 'Outcome of a site inspection.',
  valuesConfig: {
    PASSED: { description: 'Work conforms to the specifications.' },
    REMARKS: { description: 'Accepted with remarks to address.' },
    FAILED: { description: 'Work rejected; the notes say why.' },
  },
});

/** A site inspection by a ministry engineer. */
@Directive('@requiresScopes(scopes: [["municipalities.project:read"]])')
@ObjectType({ description: 'A site inspection of a municipal project.' })
@Entity({ tableName: 'inspection' })
@Index({ properties: ['projectId', 'date'] })
export class Inspection {
  @Field(() => ID, { description: 'Inspection id, e.g. IN-000001.' })
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @ManyToOne(() => MunicipalProject, { mapToPk: true, fieldName: 'project_id' })
  projectId!: string;

  @Field(() => String, { description: 'Date of the inspection, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  date!: string;

  @Field(() => String, { description: 'Inspecting engineer, in Arabic.' })
  @Property({ type: 'string' })
  inspector!: string;

  @Field(() => InspectionResult)
  @Property({ type: 'string', length: 8 })
  result!: InspectionResult;

  @Field(() => String, { nullable: true, description: 'Findings; always given when the result is FAILED.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
