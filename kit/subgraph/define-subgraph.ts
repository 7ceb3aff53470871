import type { AnyEntity, EntityClass, EntityManager, MigrationObject } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import type { Dialect } from '../orm/open-database';
import type { SubgraphContext } from './subgraph-context';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Representation = any;

/**
 * Everything particular to one ministry's subgraph. The kit turns it into a server with the
 * signed-context check, policy enforcement, loaders, an `em.fork()` per request, and health.
 */
export interface SubgraphDefinition {
  /** Folder and service name, e.g. `health`. */
  readonly name: string;
  /** Agency code from kit/demo/iraq.json, e.g. `MOH`; named in errors when the subgraph is down. */
  readonly agency: string;
  /** Port in the national map (4001–4010). */
  readonly port: number;
  readonly entities: EntityClass<AnyEntity>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: NonEmptyArray<Function>;
  /** `__resolveReference` per entity type this subgraph owns. */
  readonly references?: Record<string, (representation: Representation, ctx: SubgraphContext) => unknown>;
  readonly migrations: Record<Dialect, MigrationObject[]>;
  /**
   * Types that carry a person's data, with how to read the person's national ID from a resolved
   * object: the audit records whose data each operation returned from these.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly subjects?: Record<string, (parent: any) => string | null | undefined>;
  /** Fills an empty database with demo data; must be deterministic. */
  seed(em: EntityManager): Promise<void>;
}

export function defineSubgraph(definition: SubgraphDefinition): SubgraphDefinition {
  return definition;
}
