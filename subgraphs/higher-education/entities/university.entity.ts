import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { governorateOf, GovernorateType } from '../../../kit/graphql/governorate.type';
import { UniversityType } from './enums';

/** A university recognised by the ministry. Public: names and places are open data. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public or private university recognised by the Ministry of Higher Education.' })
@Entity({ tableName: 'university' })
export class University {
  @Field(() => ID, { description: 'University code, e.g. UNI-01 (public) or PUNI-01 (private).' })
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Field(() => String, { description: 'Arabic name, e.g. جامعة بغداد.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;

  @Index()
  @Property({ type: 'string', length: 3 })
  governorateCode!: string;

  @Field(() => UniversityType)
  // An enum in a plain string column (see entities/enums.ts).
  @Property({ type: 'string', length: 24 })
  type!: UniversityType;

  @Field(() => GovernorateType, { description: 'Governorate of the main campus.' })
  governorate(): GovernorateType {
    return governorateOf(this.governorateCode);
  }
}
