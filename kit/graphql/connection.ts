import { Directive, Field, Int, ObjectType, ArgsType, type ClassType } from 'type-graphql';

/** Relay cursor connections: https://relay.dev/graphql/connections.htm */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 when omitted, at most 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  after?: string;
}

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  /** Counted only when asked for: a page without `totalCount` costs one SQL query. */
  count: () => Promise<number>;
}

export interface ConnectionShape<T> extends Page<T> {
  totalCount(): Promise<number>;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` types for a node type. `totalCount` is a method, so
 * type-graphql resolves it (and the count query runs) only when selected.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Records in the whole list under this filter.' })
    totalCount(): Promise<number> {
      return this.count();
    }

    static of(page: Page<T>): ConnectionType {
      return Object.assign(new ConnectionType(), page);
    }
  }
  return ConnectionType;
}
