import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';
import { Citizen, citizenStub } from './citizen.entity';
import { CommitteeDecision } from './committee-decision.entity';
import { DisabilityStatus, DisabilityType } from './enums';

/**
 * A citizen's disability as the latest committee decision left it (one record per citizen).
 * Reaching one needs disability scope; the medical notes need the medical scope too.
 */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["health.disability:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description: 'A citizen’s disability status, as the latest medical-committee decision left it.',
})
@Entity({ tableName: 'disability_record' })
export class DisabilityRecord {
  @Field(() => ID, { description: 'Record ID, e.g. DR-00001.' })
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Unique()
  @Property({ type: 'string', length: 12 })
  citizenNationalId!: string;

  @Field(() => DisabilityType)
  @Property({ type: 'string', length: 16 })
  disabilityType!: DisabilityType;

  @Field(() => Int, { description: 'Disability percentage, 0–100.' })
  @Property({ type: 'integer' })
  percentage!: number;

  @Field(() => DisabilityStatus)
  @Index()
  @Property({ type: 'string', length: 16 })
  status!: DisabilityStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of validity, ISO 8601 (the next review date); null when permanent.',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Medical notes behind the decision, in Arabic.' })
  @Directive('@requiresScopes(scopes: [["health.disability.medical:read"]])')
  @Property({ type: 'text', nullable: true })
  medicalNotes?: string | null;

  /** Governorate of the committee that last decided on the record. */
  @Index()
  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  /** The latest decision's ID (a foreign key; `lastDecision` resolves it). */
  @ManyToOne({
    entity: () => CommitteeDecision,
    mapToPk: true,
    nullable: true,
    joinColumn: 'last_decision_id',
  })
  lastDecisionId?: string | null;

  @Field(() => String, { description: 'When the record last changed, ISO 8601 UTC.' })
  @Property({ type: 'string', length: 24 })
  updatedAt!: string;

  @Field(() => Citizen, { nullable: true, description: 'The citizen the record is about.' })
  citizen(): Citizen {
    return citizenStub(this.citizenNationalId);
  }

  @Field(() => GovernorateType, {
    description: 'Governorate of the committee that last decided on the record.',
  })
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }
}
