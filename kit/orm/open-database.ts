import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AnyEntity,
  type EntityClass,
  type MigrationObject,
  MikroORM,
  type Options,
} from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { countingLoggerFactory, type SubgraphStats } from './query-counter';
import { withSchemaLock } from './schema-lock';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseOptions {
  /** Subgraph name: the SQLite file name, and the PostgreSQL schema (dashes become underscores). */
  readonly name: string;
  readonly entities: EntityClass<AnyEntity>[];
  /** Per dialect, since generated DDL differs; both are generated from the same entities. */
  readonly migrations: Record<Dialect, MigrationObject[]>;
  /** postgres:// URL, or undefined for SQLite. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** SQLite only: ':memory:' for tests. */
  readonly sqlitePath?: string;
  readonly stats: SubgraphStats;
  /** PostgreSQL schema; default from the name. Tests give each run its own. */
  readonly schema?: string;
  readonly debug?: boolean;
}

export function dialectOf(databaseUrl: string | undefined): Dialect {
  return databaseUrl ? 'postgresql' : 'sqlite';
}

export function schemaNameOf(subgraph: string): string {
  return subgraph.replace(/-/g, '_');
}

/** MikroORM options for a subgraph's database; shared by the server and the migration generator. */
export function ormOptions(o: DatabaseOptions, migrationsPath?: string): Options {
  const dialect = dialectOf(o.databaseUrl);
  const common: Options = {
    entities: o.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: o.debug ?? false,
    loggerFactory: countingLoggerFactory(o.stats),
    migrations: {
      migrationsList: o.migrations[dialect],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
      path: migrationsPath,
    },
  };
  if (dialect === 'postgresql') {
    const schema = o.schema ?? schemaNameOf(o.name);
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: o.databaseUrl,
      schema,
      // Migrations are written unqualified; the search path puts them in this subgraph's schema.
      pool: {
        afterCreate: (
          conn: { query(sql: string, cb: (e?: Error) => void): void },
          done: (e?: Error, c?: unknown) => void,
        ) => conn.query(`set search_path to "${schema}"`, (e) => done(e, conn)),
      },
    };
  }
  let dbName = o.sqlitePath;
  if (!dbName) {
    mkdirSync(o.dataDir, { recursive: true });
    dbName = join(o.dataDir, `${o.name}.sqlite`);
  }
  return { ...common, driver: BetterSqliteDriver, dbName };
}

/** Opens the database and brings its tables up to date from the committed migrations (never schema sync). */
export async function openDatabase(o: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(o));
  try {
    if (dialectOf(o.databaseUrl) === 'sqlite') {
      await orm.em.getConnection().execute('PRAGMA journal_mode = WAL');
      await orm.em.getConnection().execute('PRAGMA foreign_keys = ON');
      await orm.getMigrator().up();
    } else {
      await withSchemaLock(o.databaseUrl as string, async () => {
        await orm.em
          .getConnection()
          .execute(`create schema if not exists "${o.schema ?? schemaNameOf(o.name)}"`);
        await orm.getMigrator().up();
      });
    }
    return orm;
  } catch (error) {
    // A failed migration must not leave a pool open (a process or test would hang on it).
    await orm.close(true);
    throw error;
  }
}
