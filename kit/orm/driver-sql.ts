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

/** A connection, driven with its driver directly; `log` reports a statement (to the ORM's logger, where there is one). */
export type DriverConnection =
  | { readonly dialect: 'sqlite'; readonly db: SqliteConnection; readonly log: (sql: string) => void }
  | { readonly dialect: 'postgres'; readonly pg: PgConnection; readonly log: (sql: string) => void };

/**
 * Where statements are run on the driver itself (better-sqlite3 or pg): no query builder, no unit of
 * work, no per-call statement preparation, which on the router's hot paths (client registry reads,
 * audit appends) cost several times the query. `ormDriver` borrows the ORM's own pooled
 * connections; `openDriver` opens a connection of its own, for a process that has no ORM (the
 * audit copier).
 */
export interface SqlDriver {
  /** Runs `fn` on a connection lent for its duration. */
  use<T>(fn: (connection: DriverConnection) => T | Promise<T>): Promise<T>;
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
  driver: SqlDriver,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  return driver.use(async (c) => {
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
