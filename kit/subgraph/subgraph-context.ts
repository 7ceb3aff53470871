import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '../auth/caller';
import type { Loaders } from './loaders';

/** What every resolver receives: the verified caller, its own ORM unit of work, its own loaders. */
export interface SubgraphContext {
  readonly caller: Caller;
  /** A fork per request: MikroORM's identity map must never be shared between callers. */
  readonly em: EntityManager;
  readonly loaders: Loaders;
  /** National IDs whose personal data this request resolved (reported to the router's audit). */
  readonly subjects: Set<string>;
}
