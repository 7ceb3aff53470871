import pg from 'pg';
import {
  driverRows,
  type PgConnection,
  type SqlDriver,
  type SqliteConnection,
  sqliteStatement,
} from '../../../kit/orm/driver-sql';
import { chainedHash, GENESIS_HASH, SUBJECTS_AT } from './hash-chain';
import type { JournaledDraft } from './journal-line';

/** Any number that is the same for every router replica: it serialises appends to the one chain. */
const CHAIN_LOCK = 0x75722d61; // "ur-a"

/**
 * A journal's position after a batch, stored in the batch's transaction (see JournalCopier), and
 * where the batch began: the batch is written only if the stored mark is still there, so two
 * processes copying one journal (a copier outliving its router, and the next router's recovery)
 * never copy an entry twice.
 */
export interface JournalMark {
  readonly journal: string;
  readonly from: number;
  readonly position: number;
}

/** The journal's mark moved since the batch was read: another process copied it (nothing was written). */
export class StaleJournalMark extends Error {
  override readonly name = 'StaleJournalMark';
}

function checkMark(mark: JournalMark | undefined, stored: unknown): void {
  if (mark && Number(stored ?? 0) !== mark.from) {
    throw new StaleJournalMark(
      `journal ${mark.journal} is at ${Number(stored ?? 0)} in the chain, not ${mark.from}`,
    );
  }
}

/**
 * Appends batches of audit entries to the hash chain, one transaction per batch, driven with the
 * database driver itself (`SqlDriver`): no query builder and no unit of work, which on this path
 * cost more than everything else the router does for an operation. The router writes through its
 * journal (`AuditJournal`), which batches.
 */
export class AuditWriter {
  constructor(private readonly driver: SqlDriver) {}

  /** Chains and inserts `drafts` (and moves `mark`, in the same transaction); resolves to their `seq`s. */
  write(drafts: readonly JournaledDraft[], mark?: JournalMark): Promise<number[]> {
    return this.driver.use((c) =>
      c.dialect === 'postgres'
        ? writePostgres(c.pg, drafts, mark, c.log)
        : writeSqlite(c.db, drafts, mark, c.log),
    );
  }

  /** Bytes of `journal` already in the chain (0 for a journal never shipped). */
  async markOf(journal: string): Promise<number> {
    const rows = await driverRows(this.driver, MARK_OF, [journal]);
    return Number(rows[0]?.position ?? 0);
  }

  /** Drops a finished journal's mark (its file is gone, and a journal's name is never reused). */
  async forget(journal: string): Promise<void> {
    await driverRows(this.driver, 'delete from audit_journal_mark where journal = ?', [journal]);
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
const MARK_OF = 'select position from audit_journal_mark where journal = ?';
const SUBJECT_COLUMNS = ['national_id', 'seq'] as const;
const MARK_COLUMNS = ['journal', 'position'] as const;
/** Rows per INSERT statement: a batch of any size is a handful of statements. */
const ROWS_PER_INSERT = 50;

/** The same clause in both dialects: a journal's mark only moves forward, row by row. */
const MARK_UPSERT = ' on conflict (journal) do update set position = excluded.position';

/** What one batch inserts, table by table (the mark's row is an upsert). */
type Inserts = readonly (readonly [table: string, columns: readonly string[], rows: readonly unknown[][]])[];

function insertsOf(rows: ReturnType<typeof chain>, mark: JournalMark | undefined): Inserts {
  return [
    ['audit_entry', ENTRY_COLUMNS, rows.entries],
    ['audit_subject', SUBJECT_COLUMNS, rows.subjects],
    ['audit_journal_mark', MARK_COLUMNS, mark ? [[mark.journal, mark.position]] : []],
  ];
}

/** The INSERT for `values` (a list of `(…)` groups) into `table`, as an upsert for the mark. */
function insertInto(table: string, columns: readonly string[], values: string): string {
  const upsert = table === 'audit_journal_mark' ? MARK_UPSERT : '';
  return `insert into ${table} (${columns.join(', ')}) values ${values}${upsert}`;
}

/** INSERT texts by table and row count: a batch's statements are the same few each time. */
const insertTexts = new Map<string, string>();

/**
 * A multi-row INSERT for `count` rows with `?` placeholders (SQLite; for PostgreSQL, the logged
 * shape), built once per table and row count.
 */
function insertSql(table: string, columns: readonly string[], count: number): string {
  const key = `${table} ${count}`;
  let sql = insertTexts.get(key);
  if (sql === undefined) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    sql = insertInto(table, columns, Array.from({ length: count }, () => row).join(', '));
    insertTexts.set(key, sql);
  }
  return sql;
}

/** `rows` in chunks of at most ROWS_PER_INSERT. */
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

/**
 * The batch's rows, chained from the last entry written: each hashed from its journaled text
 * (`chainedHash`), its lists stored as JSON.
 */
function chain(drafts: readonly JournaledDraft[], last: { seq: unknown; hash: unknown } | undefined) {
  let seq = Number(last?.seq ?? 0);
  let prevHash = typeof last?.hash === 'string' ? last.hash : GENESIS_HASH;
  const entries: unknown[][] = [];
  const subjects: [string, number][] = [];
  const seqs: number[] = [];
  for (const { values, json } of drafts) {
    seq += 1;
    const hash = chainedHash(seq, json, prevHash);
    const row: unknown[] = [seq];
    for (const v of values) row.push(Array.isArray(v) ? JSON.stringify(v) : v);
    row.push(prevHash, hash);
    entries.push(row);
    for (const nationalId of new Set(values[SUBJECTS_AT] as string[])) subjects.push([nationalId, seq]);
    prevHash = hash;
    seqs.push(seq);
  }
  return { entries, subjects, seqs };
}

function writeSqlite(
  db: SqliteConnection,
  drafts: readonly JournaledDraft[],
  mark: JournalMark | undefined,
  log: (q: string) => void,
): number[] {
  return db.transaction(() => {
    log('begin');
    if (mark) {
      log(MARK_OF);
      checkMark(
        mark,
        (sqliteStatement(db, MARK_OF).get(mark.journal) as { position?: unknown } | undefined)?.position,
      );
    }
    log(LAST_ENTRY);
    const rows = chain(
      drafts,
      sqliteStatement(db, LAST_ENTRY).get() as { seq: unknown; hash: unknown } | undefined,
    );
    for (const [table, columns, all] of insertsOf(rows, mark)) {
      for (const chunk of chunks(all)) {
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
  drafts: readonly JournaledDraft[],
  mark: JournalMark | undefined,
  log: (q: string) => void,
): Promise<number[]> {
  for (const q of ['begin', 'select pg_advisory_xact_lock', LAST_ENTRY, ...(mark ? [MARK_OF] : [])]) log(q);
  try {
    const markOf = mark ? `; ${MARK_OF.replace('?', literal(mark.journal))}` : '';
    const opened = (await client.query(
      `begin; select pg_advisory_xact_lock(${CHAIN_LOCK}); ${LAST_ENTRY}${markOf}`,
    )) as unknown as { rows: Record<string, unknown>[] }[];
    checkMark(mark, opened[3]?.rows[0]?.position);
    const last = opened[2]?.rows[0] as { seq: unknown; hash: unknown } | undefined;
    const rows = chain(drafts, last);
    const statements: string[] = [];
    for (const [table, columns, all] of insertsOf(rows, mark)) {
      for (const chunk of chunks(all)) {
        log(insertSql(table, columns, chunk.length)); // its shape: the values are not logged
        const values = chunk.map((row) => `(${row.map(literal).join(', ')})`);
        statements.push(insertInto(table, columns, values.join(', ')));
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
