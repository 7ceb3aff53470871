import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ormDriver } from '../../../kit/orm/orm-driver';
import { prepareTestSubgraph } from '../../../kit/testing/subgraph-harness';
import { AuditEntry } from '../entities/audit-entry.entity';
import { platform } from '../subgraph';
import { AuditJournal } from './audit-journal';
import { journaledAfter, recoverJournals } from './journal-copier';
import { AuditWriter } from './audit-writer';
import { journaledDraft, journalLine } from './journal-line';
import { testDraft } from './test-draft';
import { verifyChain } from './verify-chain';

const draft = testDraft;

/** A pid no process has (above Linux's largest pid_max): a journal left by a router that is gone. */
const DEAD_PID = 99_999_999;

/** The journal on the database the suite runs on (SQLite, or PostgreSQL under DATABASE_URL). */
describe('AuditJournal', () => {
  let db: Awaited<ReturnType<typeof prepareTestSubgraph>>;
  let dir: string;
  beforeEach(async () => {
    db = await prepareTestSubgraph(platform);
    dir = mkdtempSync(join(tmpdir(), 'ur-journal-'));
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const requestIds = async () =>
    (await db.orm.em.fork().find(AuditEntry, {}, { orderBy: { seq: 'asc' } })).map((e) => e.requestId);

  it('journals each entry at once and copies many into the chain in one transaction', async () => {
    const journal = await AuditJournal.open(dir, new AuditWriter(ormDriver(db.orm)));
    await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append(draft(i))));
    const [file] = readdirSync(dir);
    const lines = readFileSync(join(dir, file as string), 'utf8')
      .trimEnd()
      .split('\n');
    // Each line is the draft's values in the chain's order: the request id comes second.
    expect(lines).toEqual(Array.from({ length: 200 }, (_, i) => journalLine(draft(i))));
    expect(lines.map((l) => (JSON.parse(l) as unknown[])[1])).toEqual(
      Array.from({ length: 200 }, (_, i) => `req-${i}`),
    );
    const before = db.stats.sql;
    await journal.flush();
    // One transaction: begin, (lock,) the mark's check, head, 4 entry inserts, 8 subject inserts (two per entry), the mark, commit.
    expect(db.stats.sql - before).toBeLessThanOrEqual(18);
    expect(await requestIds()).toEqual(Array.from({ length: 200 }, (_, i) => `req-${i}`));
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 200 });

    await journal.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("copies a dead router's journal from its mark on, once, leaving out a torn last line", async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const name = `${DEAD_PID}-abcd0123-0.jsonl`;
    const lines = [0, 1, 2].map((i) => `${journalLine(draft(i))}\n`);
    // The first entry reached the chain before the crash; the last line was being written.
    await writer.write([journaledDraft(draft(0))], {
      journal: name,
      from: 0,
      position: Buffer.byteLength(lines[0] as string),
    });
    writeFileSync(join(dir, name), `${lines.join('')}["2026-11-0`);

    expect(await recoverJournals(dir, writer)).toBe(2);
    expect(await requestIds()).toEqual(['req-0', 'req-1', 'req-2']);
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 3 });
    expect(readdirSync(dir)).toEqual([]);
    expect(await writer.markOf(name)).toBe(0);
    // Nothing is left to copy a second time.
    expect(await recoverJournals(dir, writer)).toBe(0);
  });

  it('recovers a journal written before lines were arrays (objects), chained as today', async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const name = `${DEAD_PID}-abcd0123-0.jsonl`;
    const old = [0, 1].map((i) => `${JSON.stringify(draft(i))}\n`).join('');
    writeFileSync(join(dir, name), old);
    expect(await recoverJournals(dir, writer)).toBe(2);
    expect(await requestIds()).toEqual(['req-0', 'req-1']);
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 2 });
  });

  it("leaves alone the journal of a router that is still running (another process's)", async () => {
    const name = `${process.ppid}-abcd0123-0.jsonl`;
    writeFileSync(join(dir, name), `${journalLine(draft(0))}\n`);
    expect(await recoverJournals(dir, new AuditWriter(ormDriver(db.orm)))).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('keeps entries the database refused in the journal, for the next start to copy', async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const journal = await AuditJournal.open(dir, writer);
    await journal.append(draft(0));
    await journal.flush();
    await journal.append(draft(1));
    // The database goes away under the router.
    const write = jest.spyOn(writer, 'write').mockRejectedValue(new Error('connection refused'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(journal.flush()).rejects.toThrow('connection refused');
    await journal.close();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('entries stay in'));
    error.mockRestore();
    write.mockRestore();
    expect(readdirSync(dir)).toHaveLength(1);

    // The journal's own process is this one, and it no longer has it open: the next start copies it.
    expect(await recoverJournals(dir, writer)).toBe(1);
    expect(await requestIds()).toEqual(['req-0', 'req-1']);
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 2 });
  });

  it('refuses appends once closed', async () => {
    const journal = await AuditJournal.open(dir, new AuditWriter(ormDriver(db.orm)));
    await journal.close();
    await expect(journal.append(draft(0))).rejects.toThrow('closed');
  });
});

describe('journaledAfter', () => {
  it('reads whole lines past a byte position (multi-byte text counted in bytes)', () => {
    const a = `${journalLine(draft(1))}\n`;
    const b = `${journalLine(draft(2))}\n`;
    const text = Buffer.from(a + b);
    expect(journaledAfter(text, 0).map((e) => e.entry.values[1])).toEqual(['req-1', 'req-2']);
    expect(journaledAfter(text, Buffer.byteLength(a))).toEqual([
      { entry: journaledDraft(draft(2)), end: text.length },
    ]);
    expect(journaledAfter(text, text.length)).toEqual([]);
  });
});
