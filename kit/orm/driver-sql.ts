import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** A better-sqlite3 prepared statement, as far as the hot paths use it. */
export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Whether the statement returns rows (`all`), or only changes them (`run`). */
  readonly reader: boolean;
}

/** A better-sqlite3 database connection (synchronous). */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}

/** A node-postgres client. */
export interface PgConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A pooled connection, driven with its driver directly; `log` reports a statement to the ORM's logger. */
export type DriverConnection =
  | { readonly dialect: 'sqlite'; readonly db: SqliteConnection; readonly log: (sql: string) => void }
  | { readonly dialect: 'postgres'; readonly pg: PgConnection; readonly log: (sql: string) => void };

/** knex's pool, as these helpers borrow from it. */
interface PooledClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Runs `fn` on a connection borrowed from the ORM's own pool and driven by the driver itself
 * (better-sqlite3 or pg): no query builder, no unit of work, no per-call statement preparation,
 * which on the router's hot path (client registry reads, audit appends) cost several times the
 * query. Statements are still reported to the ORM's logger, so SQL counts stay true.
 */
export async function withDriver<T>(orm: MikroORM, fn: (connection: DriverConnection) => T | Promise<T>) {
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  const client = knex.client as PooledClient;
  const logger = orm.config.getLogger();
  const log = (query: string) => logger.logQuery({ query, level: 'info' });
  const raw = await client.acquireConnection();
  try {
    return await fn(
      orm.em.getPlatform() instanceof PostgreSqlPlatform
        ? { dialect: 'postgres', pg: raw as PgConnection, log }
        : { dialect: 'sqlite', db: raw as SqliteConnection, log },
    );
  } finally {
    await client.releaseConnection(raw);
  }
}

/** Prepared statements per connection and SQL text: SQLite compiles each once. */
const prepared = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/** The connection's prepared statement for `sql`, compiled on first use. */
export function sqliteStatement(db: SqliteConnection, sql: string): SqliteStatement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the SQL texts here hold no `?` in literals). */
const numbered = new Map<string, string>();
function toPostgres(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

/** Rows of a statement with `?` placeholders, on either database (none for a write). */
export function driverRows(
  orm: MikroORM,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  return withDriver(orm, async (c) => {
    c.log(sql);
    if (c.dialect === 'sqlite') {
      const statement = sqliteStatement(c.db, sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    }
    return (await c.pg.query(toPostgres(sql), [...params])).rows;
  });
}
