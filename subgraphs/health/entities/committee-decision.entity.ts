import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Citizen, citizenStub } from './citizen.entity';
import { DecisionKind, DisabilityType } from './enums';
import { MedicalCommittee } from './medical-committee.entity';

/** One committee session's decision about one citizen. Needs committee scope. */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["health.committee:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({ description: 'A medical committee’s decision about a citizen’s disability, with its minutes.' })
@Entity({ tableName: 'committee_decision' })
@Index({ properties: ['committeeId', 'id'] }) // a committee's decisions, in page order
@Index({ properties: ['citizenNationalId', 'createdAt'] }) // a citizen's decisions, oldest first
export class CommitteeDecision {
  @Field(() => ID, { description: 'Decision ID, e.g. CD-000001.' })
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 12 })
  citizenNationalId!: string;

  /** The committee's ID (a foreign key; `committee` resolves it). */
  @ManyToOne({ entity: () => MedicalCommittee, mapToPk: true, joinColumn: 'committee_id' })
  committeeId!: string;

  @Field(() => String, { description: 'Date the committee sat, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  sessionDate!: string;

  @Field(() => DecisionKind)
  @Property({ type: 'string', length: 16 })
  kind!: DecisionKind;

  @Field(() => DisabilityType)
  @Property({ type: 'string', length: 16 })
  disabilityType!: DisabilityType;

  @Field(() => Int, { description: 'Disability percentage decided, 0–100.' })
  @Property({ type: 'integer' })
  percentage!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Date of the next review, ISO 8601; null when the disability is permanent.',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  reviewDate?: string | null;

  @Field(() => Boolean, {
    description: 'True when the committee found the disability permanent (no review).',
  })
  @Property({ type: 'boolean' })
  permanent!: boolean;

  @Field(() => String, { description: 'The committee’s minutes, in Arabic.' })
  @Property({ type: 'text' })
  deliberations!: string;

  @Field(() => String, { description: 'When the decision was recorded, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  @Field(() => Citizen, { nullable: true, description: 'The citizen the decision is about.' })
  citizen(): Citizen {
    return citizenStub(this.citizenNationalId);
  }
}
