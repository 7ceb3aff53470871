import { existsSync } from 'node:fs';
import type { DatabaseLocation } from './database-location';
import type { PgConnection, SqlDriver, SqliteConnection } from './driver-sql';

/** A driver on a connection of its own; `close` ends it. */
export interface OwnDriver extends SqlDriver {
  close(): Promise<void>;
}

/**
 * A driver on its own connection to the database at `location`, with no ORM loaded: for a process
 * that only runs driver statements (the audit copier), where MikroORM's metadata would triple
 * the heap that every garbage collection walks. The tables must exist: the process that owns the
 * database has migrated it. Statements are not counted (`log` does nothing).
 */
export async function openDriver(location: DatabaseLocation): Promise<OwnDriver> {
  const log = () => undefined;
  if (location.dialect === 'sqlite') {
    // Never an empty database of its own in place of the router's (SQLite would create one).
    if (!existsSync(location.file)) {
      throw new Error(`no SQLite database at ${location.file}: the process that owns it opens it first`);
    }
    const { default: Database } = await import('better-sqlite3');
    // Its journal mode (WAL) is the file's own, set when the owner opened it.
    const db = new Database(location.file, { fileMustExist: true });
    const connection = { dialect: 'sqlite', db: db as unknown as SqliteConnection, log } as const;
    return {
      use: async (fn) => fn(connection),
      close: async () => void db.close(),
    };
  }
  const { default: pg } = await import('pg');
  // One connection, so statements run in order; the pool reconnects after the database was lost.
  // The schema is a startup parameter of every connection: no connection ever runs a statement
  // before it is set (an unqualified table name must never resolve in another schema).
  const pool = new pg.Pool({
    connectionString: location.url,
    max: 1,
    options: `-c search_path=${pg.escapeIdentifier(location.schema)}`,
  });
  // An idle connection dropped by the server: the next `use` opens another.
  pool.on('error', () => undefined);
  return {
    async use(fn) {
      const client = await pool.connect();
      try {
        const result = await fn({ dialect: 'postgres', pg: client as unknown as PgConnection, log });
        client.release();
        return result;
      } catch (error) {
        client.release(true); // a connection that failed is not lent again
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
