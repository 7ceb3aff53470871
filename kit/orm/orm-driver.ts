import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { PgConnection, SqlDriver, SqliteConnection } from './driver-sql';

/** knex's pool, as this driver borrows from it. */
interface PooledClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Statements on connections borrowed from the ORM's own pool, reported to the ORM's logger so
 * that SQL counts stay true.
 */
export function ormDriver(orm: MikroORM): SqlDriver {
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  const client = knex.client as PooledClient;
  const logger = orm.config.getLogger();
  const log = (query: string) => logger.logQuery({ query, level: 'info' });
  const postgres = orm.em.getPlatform() instanceof PostgreSqlPlatform;
  return {
    async use(fn) {
      const raw = await client.acquireConnection();
      try {
        return await fn(
          postgres
            ? { dialect: 'postgres', pg: raw as PgConnection, log }
            : { dialect: 'sqlite', db: raw as SqliteConnection, log },
        );
      } finally {
        await client.releaseConnection(raw);
      }
    },
  };
}
