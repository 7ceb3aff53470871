import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseLocationOf, type DatabaseLocation } from '../../../kit/orm/database-location';
import { ormDriver } from '../../../kit/orm/orm-driver';
import { prepareTestSubgraph } from '../../../kit/testing/subgraph-harness';
import { AuditEntry } from '../entities/audit-entry.entity';
import { platform } from '../subgraph';
import { AuditJournal } from './audit-journal';
import { AuditWriter } from './audit-writer';
import { CopierProcess } from './copier-process';
import { testDraft } from './test-draft';
import { verifyChain } from './verify-chain';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The journal with its copier in a process of its own, on a database both can open (a SQLite file, or PostgreSQL). */
describe('CopierProcess', () => {
  let db: Awaited<ReturnType<typeof prepareTestSubgraph>>;
  let dataDir: string;
  let dir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ur-copier-'));
    dir = join(dataDir, 'audit-journal');
    db = await prepareTestSubgraph(platform, dataDir);
  });
  afterEach(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = () =>
    AuditJournal.open(dir, new AuditWriter(ormDriver(db.orm)), (onCopied) =>
      CopierProcess.start(
        {
          dir,
          database: databaseLocationOf(db.orm) as DatabaseLocation,
        },
        onCopied,
      ),
    );
  const requestIds = async () =>
    (await db.orm.em.fork().find(AuditEntry, {}, { orderBy: { seq: 'asc' } })).map((e) => e.requestId);

  it('copies what the router journals, sending no SQL from the router; close removes the journal and ends it', async () => {
    const journal = await open();
    const pid = journal.copierPid as number;
    expect(pid).not.toBe(process.pid);
    expect(isRunning(pid)).toBe(true);
    const before = db.stats.sql;
    await Promise.all(Array.from({ length: 100 }, (_, i) => journal.append(testDraft(i))));
    await journal.flush();
    expect(db.stats.sql - before).toBe(0);
    expect(await requestIds()).toEqual(Array.from({ length: 100 }, (_, i) => `req-${i}`));
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 100 });

    await journal.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(isRunning(pid)).toBe(false);
  });

  it('starts the copier again when it dies, and nothing is lost or copied twice', async () => {
    const journal = await open();
    await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append(testDraft(i))));
    await journal.flush();
    const first = journal.copierPid as number;
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.kill(first, 'SIGKILL');
    await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append(testDraft(10 + i))));
    await journal.flush();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('the audit copier process ended (SIGKILL)'));
    error.mockRestore();
    expect(journal.copierPid).not.toBe(first);
    expect(await requestIds()).toEqual(Array.from({ length: 20 }, (_, i) => `req-${i}`));
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 20 });
    await journal.close();
  });

  it('loads no ORM: its modules are the driver, the writer and the copier (a small heap to collect)', () => {
    const hook = join(__dirname, '..', '..', '..', 'kit', 'runtime', 'ts-hook.cjs');
    const modules = [
      '../../../kit/orm/open-driver',
      './audit-writer',
      './journal-copier',
      'better-sqlite3',
      'pg',
    ];
    const listed = spawnSync(
      process.execPath,
      [
        '-r',
        hook,
        '-e',
        `for (const m of ${JSON.stringify(modules)}) require(m.startsWith('.') ? require('node:path').join(${JSON.stringify(__dirname)}, m) : m);
         console.log(JSON.stringify(Object.keys(require.cache)));`,
      ],
      { encoding: 'utf8', cwd: __dirname },
    );
    expect(listed.stderr).toBe('');
    const loaded = JSON.parse(listed.stdout) as string[];
    expect(loaded.some((f) => f.endsWith('journal-copier.ts'))).toBe(true);
    expect(loaded.filter((f) => /@mikro-orm|knex|type-graphql|reflect-metadata/.test(f))).toEqual([]);
  });
});
