import type { SqlEntityManager } from '@mikro-orm/knex';
import { ormDriver } from '../../../kit/orm/orm-driver';
import { prepareTestSubgraph } from '../../../kit/testing/subgraph-harness';
import { platform } from '../subgraph';
import { AuditWriter, StaleJournalMark } from './audit-writer';
import { journaledDraft } from './journal-line';
import { testDraft } from './test-draft';
import { verifyChain } from './verify-chain';

const draft = (i: number) => journaledDraft(testDraft(i));

/** The audit writer on the database the suite runs on (SQLite, or PostgreSQL under DATABASE_URL). */
describe('AuditWriter', () => {
  let db: Awaited<ReturnType<typeof prepareTestSubgraph>>;
  beforeAll(async () => {
    db = await prepareTestSubgraph(platform);
  });
  afterAll(() => db.close());

  it('writes a batch in one transaction, chained, with its subjects and its journal mark', async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const before = db.stats.sql;
    const seqs = await writer.write(
      Array.from({ length: 120 }, (_, i) => draft(i)),
      { journal: 'j-1', from: 0, position: 4096 },
    );
    const statements = db.stats.sql - before;
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    // begin, (lock,) the mark's check, last entry, 3 entry inserts of ≤ 50 rows, 5 subject inserts, the mark, commit.
    expect(statements).toBeLessThanOrEqual(14);
    expect(await writer.markOf('j-1')).toBe(4096);
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 120 });
    const knex = (db.orm.em as unknown as SqlEntityManager).getKnex();
    const [{ n }] = (await knex('audit_subject').count({ n: '*' })) as [{ n: number | string }];
    expect(Number(n)).toBe(240);
  });

  it('stores what callers sent byte for byte: quotes, backslashes, Arabic, JSON-looking text', async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const hostile = `'); drop table audit_entry; -- \\' \\\\ "قضية ٧/٢٠٢٦" {"a":[1]} \n\t`;
    const [seq] = await writer.write([
      journaledDraft({ ...testDraft(300), caseNumber: hostile, purpose: "O'BRIEN\\" }),
    ]);
    const knex = (db.orm.em as unknown as SqlEntityManager).getKnex();
    const [row] = (await knex('audit_entry').where({ seq }).select('case_number', 'purpose')) as {
      case_number: string;
      purpose: string;
    }[];
    expect(row).toEqual({ case_number: hostile, purpose: "O'BRIEN\\" });
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: seq });
  });

  it('continues the chain across batches and moves a mark forward', async () => {
    const writer = new AuditWriter(ormDriver(db.orm));
    const next = await writer.write([draft(200)], { journal: 'j-1', from: 4096, position: 5000 });
    expect(next).toEqual([122]);
    expect(await writer.markOf('j-1')).toBe(5000);
    // A batch read from an older mark (another process copied past it meanwhile) writes nothing.
    await expect(
      writer.write([draft(201)], { journal: 'j-1', from: 4096, position: 6000 }),
    ).rejects.toBeInstanceOf(StaleJournalMark);
    expect(await writer.markOf('j-1')).toBe(5000);
    expect(await verifyChain(db.orm.em.fork())).toEqual({ ok: true, entries: 122 });
    await writer.forget('j-1');
    expect(await writer.markOf('j-1')).toBe(0);
  });
});
