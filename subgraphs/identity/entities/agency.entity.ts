import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A government body taking part in the national graph. Public. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A ministry or public body taking part in the national graph.' })
@Entity({ tableName: 'agency' })
export class Agency {
  @Field(() => String, { description: 'Short code, e.g. MOH.' })
  @PrimaryKey({ type: 'string', length: 16 })
  code!: string;

  @Field(() => String, { description: 'Arabic name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string' })
  nameEn!: string;
}
