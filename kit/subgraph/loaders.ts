import DataLoader from 'dataloader';
import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';

/**
 * DataLoaders for one request, made on first use: every `load` in the same tick becomes one
 * `WHERE field IN (...)` query, so a page of N items costs one query per relation, not N.
 * Never shared between requests: each caller gets only what its own request loaded.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** The one record whose `field` equals the key (null when none). */
  one<T extends object>(entity: EntityClass<T>, field: keyof T & string = 'id' as keyof T & string) {
    return this.get(`${entity.name}.${field}:one`, async (keys) => {
      const rows = await this.em.find(entity, { [field]: { $in: [...keys] } } as FilterQuery<T>);
      const byKey = new Map(rows.map((r) => [String(r[field]), r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }) as DataLoader<string, T | null>;
  }

  /** Every record whose `field` equals the key, ordered by `orderBy` (ascending). */
  many<T extends object>(
    entity: EntityClass<T>,
    field: keyof T & string,
    orderBy: keyof T & string = 'id' as never,
  ) {
    return this.get(`${entity.name}.${field}:many:${orderBy}`, async (keys) => {
      const rows = await this.em.find(entity, { [field]: { $in: [...keys] } } as FilterQuery<T>, {
        orderBy: { [orderBy]: 'asc' } as never,
      });
      const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const r of rows) byKey.get(String(r[field]))?.push(r);
      return keys.map((k) => byKey.get(k) ?? []);
    }) as DataLoader<string, T[]>;
  }

  private get(
    key: string,
    batch: (keys: readonly string[]) => Promise<unknown[]>,
  ): DataLoader<string, unknown> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
