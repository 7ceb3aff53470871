import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import {
  type PgConnection,
  type SqliteConnection,
  sqliteStatement,
  withDriver,
} from '../../../kit/orm/driver-sql';
import { type ChainedFields, chainedValues, entryHash, GENESIS_HASH } from './hash-chain';

export type AuditDraft = Omit<ChainedFields, 'seq' | 'prevHash'>;

/** Extra event-loop turns a batch may wait for more entries (see `gather`). */
const LINGER_TURNS = 4;

/** Any number that is the same for every router replica: it serialises appends to the one chain. */
const CHAIN_LOCK = 0x75722d61; // "ur-a"

interface Pending {
  draft: AuditDraft;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends audit entries durably, in batches: drafts that arrive while a write is in flight go
 * into the next transaction together, so the audit's cost grows with write round trips, not
 * with operations. `append` resolves only after the commit; callers release answers then.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly orm: MikroORM) {}

  append(draft: AuditDraft): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ draft, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Group commit: entries of operations finishing in the same turn of the event loop share a transaction.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      await this.gather();
      const batch = this.queue.splice(0, 500);
      try {
        const seqs = await this.write(batch.map((p) => p.draft));
        batch.forEach((p, i) => p.resolve(seqs[i] as number));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    this.writing = false;
  }

  /**
   * Under load, lets a batch grow while entries keep arriving: one more turn of the event loop at
   * a time (other operations' I/O runs in between), at most LINGER_TURNS. A commit costs about the
   * same for one entry as for ten, so this halves the audit's cost per operation at a busy router;
   * an idle one pays a single extra turn, microseconds.
   */
  private async gather(): Promise<void> {
    let seen = this.queue.length;
    for (let turn = 0; turn < LINGER_TURNS; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.queue.length === seen) return;
      seen = this.queue.length;
    }
  }

  /**
   * One transaction per batch, on a connection borrowed from the ORM's pool and driven with the
   * driver itself (`withDriver`): no query builder and no ORM unit of work, which on the hot path
   * cost more than everything else the router does for an operation.
   */
  private write(drafts: AuditDraft[]): Promise<number[]> {
    return withDriver(this.orm, (c) =>
      c.dialect === 'postgres' ? writePostgres(c.pg, drafts, c.log) : writeSqlite(c.db, drafts, c.log),
    );
  }
}

const ENTRY_COLUMNS = [
  'seq',
  'at',
  'request_id',
  'client_id',
  'agency',
  'citizen_id',
  'purpose',
  'case_number',
  'operation_name',
  'document_hash',
  'fields_requested',
  'fields_denied',
  'subgraphs',
  'outcome',
  'duration_ms',
  'subjects',
  'prev_hash',
  'hash',
] as const;
const LAST_ENTRY = 'select seq, hash from audit_entry order by seq desc limit 1';
const SUBJECT_COLUMNS = ['national_id', 'seq'] as const;
/** Rows per INSERT statement: a batch of any size is a handful of statements. */
const ROWS_PER_INSERT = 50;

/** A multi-row INSERT for `count` rows with `?` placeholders (SQLite; for PostgreSQL, the logged shape). */
function insertSql(table: string, columns: readonly string[], count: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => row).join(', ')}`;
}

/** `rows` in chunks of at most ROWS_PER_INSERT. */
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

/** The batch's rows, chained from the last entry written. */
function chain(drafts: AuditDraft[], last: { seq: unknown; hash: unknown } | undefined) {
  let seq = Number(last?.seq ?? 0);
  let prevHash = typeof last?.hash === 'string' ? last.hash : GENESIS_HASH;
  const entries: unknown[][] = [];
  const subjects: [string, number][] = [];
  const seqs: number[] = [];
  for (const draft of drafts) {
    seq += 1;
    const fields: ChainedFields = { ...draft, seq, prevHash };
    const hash = entryHash(fields);
    entries.push(toRow(fields, hash));
    for (const nationalId of new Set(draft.subjects)) subjects.push([nationalId, seq]);
    prevHash = hash;
    seqs.push(seq);
  }
  return { entries, subjects, seqs };
}

function writeSqlite(db: SqliteConnection, drafts: AuditDraft[], log: (q: string) => void): number[] {
  return db.transaction(() => {
    log('begin');
    log(LAST_ENTRY);
    const rows = chain(
      drafts,
      sqliteStatement(db, LAST_ENTRY).get() as { seq: unknown; hash: unknown } | undefined,
    );
    for (const [table, columns, all] of [
      ['audit_entry', ENTRY_COLUMNS, rows.entries],
      ['audit_subject', SUBJECT_COLUMNS, rows.subjects],
    ] as const) {
      for (const chunk of chunks<readonly unknown[]>(all)) {
        const sql = insertSql(table, columns, chunk.length);
        log(sql);
        sqliteStatement(db, sql).run(...chunk.flat());
      }
    }
    log('commit');
    return rows.seqs;
  })();
}

/** A value as a PostgreSQL literal: numbers as they are, text quoted by node-postgres's own escaping. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('audit: a number field is not finite');
    return String(value);
  }
  return pg.escapeLiteral(String(value));
}

/**
 * Two round trips per batch, whatever its size: (1) begin, take the chain's lock, read its head;
 * (2) the inserts and the commit, as one multi-statement text with the values as escaped literals
 * (a parameterised statement costs a round trip of its own: six in all, which on a network is
 * six times the latency added to every operation).
 */
async function writePostgres(
  client: PgConnection,
  drafts: AuditDraft[],
  log: (q: string) => void,
): Promise<number[]> {
  for (const q of ['begin', 'select pg_advisory_xact_lock', LAST_ENTRY]) log(q);
  try {
    const opened = (await client.query(
      `begin; select pg_advisory_xact_lock(${CHAIN_LOCK}); ${LAST_ENTRY}`,
    )) as unknown as { rows: Record<string, unknown>[] }[];
    const last = opened[2]?.rows[0] as { seq: unknown; hash: unknown } | undefined;
    const rows = chain(drafts, last);
    const statements: string[] = [];
    for (const [table, columns, all] of [
      ['audit_entry', ENTRY_COLUMNS, rows.entries],
      ['audit_subject', SUBJECT_COLUMNS, rows.subjects],
    ] as const) {
      for (const chunk of chunks<readonly unknown[]>(all)) {
        log(insertSql(table, columns, chunk.length)); // its shape: the values are not logged
        const values = chunk.map((row) => `(${row.map(literal).join(', ')})`);
        statements.push(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`);
      }
    }
    log('commit');
    statements.push('commit');
    await client.query(statements.join(';\n'));
    return rows.seqs;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** The audit_entry row for an entry, in ENTRY_COLUMNS order: the hashed fields (lists as JSON), then the hash. */
function toRow(e: ChainedFields, hash: string): unknown[] {
  return [...chainedValues(e).map((v) => (Array.isArray(v) ? JSON.stringify(v) : v)), hash];
}
