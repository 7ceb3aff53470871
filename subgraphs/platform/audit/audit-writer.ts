import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { type ChainedFields, entryHash, GENESIS_HASH } from './hash-chain';

export type AuditDraft = Omit<ChainedFields, 'seq' | 'prevHash'>;

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
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
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
   * One transaction per batch, on a connection borrowed from the ORM's pool and driven with the
   * driver itself (better-sqlite3 or pg): no query builder and no ORM unit of work, which on the
   * hot path cost more than everything else the router does for an operation.
   */
  private async write(drafts: AuditDraft[]): Promise<number[]> {
    const knex = (this.orm.em as unknown as SqlEntityManager).getKnex();
    const client = knex.client as PooledClient;
    const postgres = this.orm.em.getPlatform() instanceof PostgreSqlPlatform;
    // The driver bypasses MikroORM's query logger: report each statement to it, so SQL counts stay true.
    const logger = this.orm.config.getLogger();
    const log = (query: string) => logger.logQuery({ query, level: 'info' });
    const connection = await client.acquireConnection();
    try {
      return postgres
        ? await writePostgres(connection as PgConnection, drafts, log)
        : writeSqlite(connection as SqliteConnection, drafts, log);
    } finally {
      await client.releaseConnection(connection);
    }
  }
}

/** knex's pool, as the audit writer borrows from it. */
interface PooledClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}
interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}
interface PgConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
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
const INSERT_ENTRY = `insert into audit_entry (${ENTRY_COLUMNS.join(', ')}) values (${ENTRY_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_SUBJECT = 'insert into audit_subject (national_id, seq) values (?, ?)';

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

/** Prepared statements per connection: SQLite compiles each once. */
const prepared = new WeakMap<SqliteConnection, Record<'last' | 'entry' | 'subject', SqliteStatement>>();

function writeSqlite(db: SqliteConnection, drafts: AuditDraft[], log: (q: string) => void): number[] {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      last: db.prepare(LAST_ENTRY),
      entry: db.prepare(INSERT_ENTRY),
      subject: db.prepare(INSERT_SUBJECT),
    };
    prepared.set(db, statements);
  }
  const { last, entry, subject } = statements;
  return db.transaction(() => {
    log('begin');
    log(LAST_ENTRY);
    const rows = chain(drafts, last.get() as { seq: unknown; hash: unknown } | undefined);
    for (const row of rows.entries) {
      log(INSERT_ENTRY);
      entry.run(...row);
    }
    for (const row of rows.subjects) {
      log(INSERT_SUBJECT);
      subject.run(...row);
    }
    log('commit');
    return rows.seqs;
  })();
}

/** `?` placeholders as pg's `$n`, for `count` rows of `width` values. */
function pgValues(width: number, count: number): string {
  const rows: string[] = [];
  for (let r = 0; r < count; r++)
    rows.push(`(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
  return rows.join(', ');
}

async function writePostgres(
  pg: PgConnection,
  drafts: AuditDraft[],
  log: (q: string) => void,
): Promise<number[]> {
  log('begin');
  await pg.query('begin');
  try {
    log('select pg_advisory_xact_lock');
    await pg.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    log(LAST_ENTRY);
    const last = (await pg.query(LAST_ENTRY)).rows[0] as { seq: unknown; hash: unknown } | undefined;
    const rows = chain(drafts, last);
    const insertEntries = `insert into audit_entry (${ENTRY_COLUMNS.join(', ')}) values ${pgValues(ENTRY_COLUMNS.length, rows.entries.length)}`;
    log(insertEntries);
    await pg.query(insertEntries, rows.entries.flat());
    if (rows.subjects.length) {
      const insertSubjects = `insert into audit_subject (national_id, seq) values ${pgValues(2, rows.subjects.length)}`;
      log(insertSubjects);
      await pg.query(insertSubjects, rows.subjects.flat());
    }
    log('commit');
    await pg.query('commit');
    return rows.seqs;
  } catch (error) {
    await pg.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** The audit_entry row for an entry, in ENTRY_COLUMNS order. */
function toRow(e: ChainedFields, hash: string): unknown[] {
  return [
    e.seq,
    e.at,
    e.requestId,
    e.clientId ?? null,
    e.agency ?? null,
    e.citizenId ?? null,
    e.purpose ?? null,
    e.caseNumber ?? null,
    e.operationName ?? null,
    e.documentHash ?? null,
    JSON.stringify(e.fieldsRequested),
    JSON.stringify(e.fieldsDenied),
    JSON.stringify(e.subgraphs),
    e.outcome,
    e.durationMs,
    JSON.stringify(e.subjects),
    e.prevHash,
    hash,
  ];
}
