/** Any number that is the same for every process: it serialises schema changes on one PostgreSQL. */
const SCHEMA_LOCK = 0x75722d73; // "ur-s"

/**
 * Runs `fn` holding a PostgreSQL advisory lock shared by every process that creates, migrates or
 * drops a schema in the same database: router replicas starting together, and the test suite's
 * parallel workers. MikroORM's migrator lists every table of every schema before migrating, and
 * that listing fails when another process drops a schema in the middle of it.
 */
export async function withSchemaLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}
