import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platform } from '../../subgraphs/platform/subgraph';
import { prepareTestSubgraph } from '../testing/subgraph-harness';
import { databaseLocationOf, type DatabaseLocation } from './database-location';
import { driverRows } from './driver-sql';
import { openDriver } from './open-driver';

/** A second connection to a database the ORM opened, as the audit copier makes one (SQLite file, or PostgreSQL). */
describe('openDriver', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof prepareTestSubgraph>>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ur-driver-'));
    db = await prepareTestSubgraph(platform, dataDir);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds where the ORM opened the database, and reads and writes its tables there', async () => {
    const location = databaseLocationOf(db.orm) as DatabaseLocation;
    expect(location).toEqual(
      process.env.DATABASE_URL
        ? { dialect: 'postgresql', url: process.env.DATABASE_URL, schema: db.options.databaseSchema }
        : { dialect: 'sqlite', file: join(dataDir, 'platform.sqlite') },
    );
    const driver = await openDriver(location);
    try {
      const seeded = await driverRows(driver, 'select count(*) as n from client');
      expect(Number(seeded[0]?.n)).toBeGreaterThan(0);
      await driverRows(driver, 'insert into audit_journal_mark (journal, position) values (?, ?)', ['j', 7]);
      const seen = await db.orm.em.getConnection().execute('select position from audit_journal_mark');
      expect(seen.map((r: { position: unknown }) => Number(r.position))).toEqual([7]);
    } finally {
      await driver.close();
    }
  });

  it('on PostgreSQL, reads only the schema it was given: a table name never resolves in another', async () => {
    const location = databaseLocationOf(db.orm) as DatabaseLocation;
    if (location.dialect !== 'postgresql') return;
    const elsewhere = await openDriver({ ...location, schema: `${location.schema}_absent` });
    try {
      await expect(driverRows(elsewhere, 'select count(*) as n from client')).rejects.toThrow(
        /relation "client" does not exist/,
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('has no location for an in-memory SQLite database, which no other process can open', async () => {
    const memory = await prepareTestSubgraph(platform);
    try {
      if (process.env.DATABASE_URL) expect(databaseLocationOf(memory.orm)?.dialect).toBe('postgresql');
      else expect(databaseLocationOf(memory.orm)).toBeUndefined();
    } finally {
      await memory.close();
    }
  });

  it('refuses a SQLite file that does not exist, rather than creating an empty database', async () => {
    await expect(openDriver({ dialect: 'sqlite', file: join(dataDir, 'missing.sqlite') })).rejects.toThrow(
      /no SQLite database at .*missing\.sqlite/,
    );
  });
});
