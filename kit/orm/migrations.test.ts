import { withSchemaLock } from './schema-lock';
import { Client } from 'pg';
import { ROUTER_SUBGRAPH, SUBGRAPHS } from '../../subgraphs';
import { openDatabase } from './open-database';
import { newStats } from './query-counter';

/**
 * PostgreSQL: a database of its own. Schema introspection reads every schema in a database, and
 * other test files create and drop theirs concurrently in `DATABASE_URL`'s database.
 */
const baseUrl = process.env.DATABASE_URL || undefined;
const checkDb = `ur_migrations_check_${process.pid}`;
const checkUrl = baseUrl ? baseUrl.replace(/\/[^/?]*(\?|$)/, `/${checkDb}$1`) : undefined;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (baseUrl) await admin(`create database "${checkDb}"`);
});
afterAll(async () => {
  if (baseUrl) await admin(`drop database if exists "${checkDb}"`);
});

/**
 * Tables come from migrations, never schema sync: after the committed migrations run, the
 * entities must need no further change (else run `npm run migrations -- <name>`).
 */
describe.each([...SUBGRAPHS, ROUTER_SUBGRAPH].map((s) => [s.name, s] as const))(
  '%s migrations',
  (name, definition) => {
    it(`leave no difference between the ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} tables and the entities`, async () => {
      const schema = `test_migrations_${name.replace(/-/g, '_')}_${process.pid}`;
      const options = {
        name,
        entities: definition.entities,
        migrations: definition.migrations,
        databaseUrl: checkUrl,
        dataDir: '',
        sqlitePath: ':memory:',
        stats: newStats(),
        schema,
      };
      const orm = await openDatabase(options);
      // Under PostgreSQL the diff lists every schema's tables: no other worker may drop one meanwhile.
      const locked = <T>(fn: () => Promise<T>) =>
        options.databaseUrl ? withSchemaLock(options.databaseUrl, fn) : fn();
      try {
        const diff = await locked(() =>
          orm
            .getSchemaGenerator()
            .getUpdateSchemaSQL({ wrap: false, ...(options.databaseUrl ? { schema } : {}) }),
        );
        expect(diff.trim()).toBe('');
      } finally {
        if (options.databaseUrl)
          await locked(() => orm.em.getConnection().execute(`drop schema "${schema}" cascade`));
        await orm.close(true);
      }
    });
  },
);
