import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Contractor } from './contractor.entity';

export enum ClassificationAction {
  CLASSIFIED = 'CLASSIFIED',
  RENEWED = 'RENEWED',
  REGRADED = 'REGRADED',
  SUSPENDED = 'SUSPENDED',
  REINSTATED = 'REINSTATED',
  BLACKLISTED = 'BLACKLISTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ClassificationAction, {
  name: 'ClassificationAction',
  description: 'What happened to a contractor’s classification.',
  valuesConfig: {
    CLASSIFIED: { description: 'First classified and entered in the registry.' },
    RENEWED: { description: 'Classification renewed at the same grade.' },
    REGRADED: { description: 'Classification renewed at a different grade.' },
    SUSPENDED: { description: 'Suspended from bidding.' },
    REINSTATED: { description: 'Suspension lifted.' },
    BLACKLISTED: { description: 'Blacklisted, permanently.' },
    EXPIRED: { description: 'Classification lapsed without renewal.' },
  },
});

/** One entry of a contractor's classification history; append-only. */
@Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
@ObjectType({ description: 'An entry in a contractor’s classification history.' })
@Entity({ tableName: 'classification_event' })
// A contractor's history in order, as the history loader reads it (`contractor_id in (...) order by id`).
@Index({ properties: ['contractorId', 'id'] })
export class ClassificationEvent {
  @Field(() => ID, { description: 'Contractor ID and sequence, e.g. CTR-0001-E002.' })
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** The contractor's ID (a foreign key, mapped to the ID alone). */
  @ManyToOne({ entity: () => Contractor, mapToPk: true, fieldName: 'contractor_id' })
  contractorId!: string;

  @Field(() => ClassificationAction, { description: 'What happened.' })
  // A plain string column, not `@Enum` (see Contractor.status).
  @Property({ type: 'string', length: 12 })
  action!: ClassificationAction;

  @Field(() => Int, { description: 'Grade after this event (1 is the highest).' })
  @Property({ type: 'integer' })
  grade!: number;

  @Field(() => String, { nullable: true, description: 'Why, as recorded by the ministry.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => String, { description: 'Date, ISO 8601 (YYYY-MM-DD).' })
  @Property({ type: 'string', length: 10 })
  at!: string;

  @Field(() => String, { description: 'Code of the agency that recorded it, e.g. MOP.' })
  @Property({ type: 'string', length: 16 })
  byAgency!: string;
}
