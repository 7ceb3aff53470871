import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';
import { Citizen } from './citizen.entity';

export enum ContractorStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  BLACKLISTED = 'BLACKLISTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ContractorStatus, {
  name: 'ContractorStatus',
  description: 'Standing of a contractor in the registry.',
  valuesConfig: {
    ACTIVE: { description: 'Classified and valid: may bid for public contracts.' },
    SUSPENDED: { description: 'Temporarily barred from bidding; may be reinstated.' },
    BLACKLISTED: { description: 'Permanently barred (القائمة السوداء); nothing leaves this state.' },
    EXPIRED: { description: 'Classification lapsed without renewal; may be renewed.' },
  },
});

export enum Specialization {
  BUILDINGS = 'BUILDINGS',
  ROADS_BRIDGES = 'ROADS_BRIDGES',
  WATER_SEWAGE = 'WATER_SEWAGE',
  ELECTRICAL = 'ELECTRICAL',
  MECHANICAL = 'MECHANICAL',
  DAMS_IRRIGATION = 'DAMS_IRRIGATION',
  OIL_GAS = 'OIL_GAS',
  TELECOM = 'TELECOM',
}

registerEnumType(Specialization, {
  name: 'Specialization',
  description: 'Field of works a contractor is classified for.',
  valuesConfig: {
    BUILDINGS: { description: 'Buildings (الأبنية).' },
    ROADS_BRIDGES: { description: 'Roads and bridges (الطرق والجسور).' },
    WATER_SEWAGE: { description: 'Water and sewerage (الماء والمجاري).' },
    ELECTRICAL: { description: 'Electrical works (الأعمال الكهربائية).' },
    MECHANICAL: { description: 'Mechanical works (الأعمال الميكانيكية).' },
    DAMS_IRRIGATION: { description: 'Dams and irrigation (السدود والري).' },
    OIL_GAS: { description: 'Oil and gas (النفط والغاز).' },
    TELECOM: { description: 'Telecommunications (الاتصالات).' },
  },
});

/** Stored as `,BUILDINGS,ROADS_BRIDGES,` so that one specialization is found with a portable LIKE. */
export function specializationList(specializations: readonly Specialization[]): string {
  return `,${specializations.join(',')},`;
}

/**
 * A contractor in the Ministry of Planning's registry (تصنيف المقاولين). The registry is public:
 * name, grade and status answer anyone; the rest of the file needs `planning.contractor:read`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A contractor classified by the Ministry of Planning (public registry).' })
@Entity({ tableName: 'contractor' })
export class Contractor {
  @Field(() => ID, { description: 'Registry ID, e.g. CTR-0001.' })
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Field(() => String, { description: 'Company name in Arabic.' })
  @Unique()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'Company name in English.' })
  @Unique()
  @Property({ type: 'string' })
  nameEn!: string;

  @Field(() => Int, { description: 'Classification grade: 1 is the highest, 10 the lowest.' })
  @Index()
  @Property({ type: 'integer' })
  grade!: number;

  @Field(() => ContractorStatus, { description: 'Standing in the registry.' })
  @Index()
  // A plain string column, not MikroORM `@Enum`: MikroORM 6.6 misreads a SQLite enum check
  // constraint, so every `npm run migrations` would rebuild the table. GraphQL validates the value.
  @Property({ type: 'string', length: 12 })
  status!: ContractorStatus;

  /** Specializations, comma-delimited on both ends (see `specializationList`). */
  @Property({ type: 'string' })
  specializationList!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Registration number of the classification file, e.g. MOP-2019-0001.',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  @Unique()
  @Property({ type: 'string', length: 32 })
  registrationNumber!: string;

  @Index()
  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Date of the current classification or its last renewal, ISO 8601 (YYYY-MM-DD).',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  @Property({ type: 'string', length: 10 })
  classifiedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day the classification is valid, ISO 8601 (YYYY-MM-DD).',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  @Property({ type: 'string', length: 10 })
  validUntil!: string;

  @Index()
  @Property({ type: 'string', length: 12 })
  ownerNationalId!: string;

  /** Arabic and English names normalized for `nameContains` (see rules/search-key.ts). */
  @Property({ type: 'text' })
  searchKey!: string;

  /**
   * Optimistic lock: every change of a contractor checks the version it read, so two concurrent
   * status changes cannot both pass the state machine (the later one is retried and refused).
   */
  @Property({ type: 'integer', version: true })
  version!: number & Opt;

  @Field(() => [Specialization], { nullable: true, description: 'Fields of works classified for.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  specializations(): Specialization[] {
    return this.specializationList.split(',').filter(Boolean) as Specialization[];
  }

  @Field(() => GovernorateType, { nullable: true, description: 'Governorate of registration.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }

  /** Who owns the company is personal data: it also needs a declared purpose. */
  @Field(() => Citizen, { nullable: true, description: 'The owner, as recorded by the civil registry.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  owner(): Citizen {
    return Citizen.of(this.ownerNationalId);
  }
}
