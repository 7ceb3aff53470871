import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** A registered caller of the national graph (an X-Road-style subsystem of an agency). */
@Directive('@key(fields: "id")')
@Directive('@requiresScopes(scopes: [["platform.admin"]])')
@ObjectType({ description: 'A registered client of the national graph.' })
@Entity({ tableName: 'client' })
export class Client {
  @Field(() => String, { description: 'Client id, e.g. welfare.' })
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'Agency code.' })
  @Property({ type: 'string', length: 16 })
  agency!: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  scopes!: string[];

  @Field(() => [String], { description: 'Purpose codes the client may declare in ur-purpose.' })
  @Property({ type: 'json' })
  purposes!: string[];

  @Field(() => Int, { description: 'Operations per minute, shared by every router replica.' })
  @Property({ type: 'integer' })
  rateLimitPerMinute!: number;

  @Field(() => String, { description: 'ACTIVE or SUSPENDED; a change takes effect on the next request.' })
  @Property({ type: 'string', length: 16 })
  status!: 'ACTIVE' | 'SUSPENDED';

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  updatedAt!: string;
}
