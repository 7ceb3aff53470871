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
   * One transaction per batch, in plain SQL through knex: on the hot path an ORM unit of work
   * per batch cost more than everything else the router does for an operation.
   */
  private async write(drafts: AuditDraft[]): Promise<number[]> {
    const knex = (this.orm.em as unknown as SqlEntityManager).getKnex();
    const postgres = this.orm.em.getPlatform() instanceof PostgreSqlPlatform;
    // knex bypasses MikroORM's query logger: report each statement to it, so SQL counts stay true.
    const logger = this.orm.config.getLogger();
    const log = (query: string) => logger.logQuery({ query, level: 'info' });
    return knex.transaction(async (trx) => {
      log('begin');
      if (postgres) {
        log('select pg_advisory_xact_lock');
        await trx.raw('select pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
      }
      log('select seq, hash from audit_entry order by seq desc limit 1');
      const last = (await trx('audit_entry').select('seq', 'hash').orderBy('seq', 'desc').first()) as
        { seq: number; hash: string } | undefined;
      let seq = Number(last?.seq ?? 0);
      let prevHash = last?.hash ?? GENESIS_HASH;
      const seqs: number[] = [];
      const entries: Record<string, unknown>[] = [];
      const subjects: { national_id: string; seq: number }[] = [];
      for (const draft of drafts) {
        seq += 1;
        const fields: ChainedFields = { ...draft, seq, prevHash };
        entries.push(toRow(fields, entryHash(fields)));
        for (const nationalId of new Set(draft.subjects)) subjects.push({ national_id: nationalId, seq });
        prevHash = entries[entries.length - 1]?.hash as string;
        seqs.push(seq);
      }
      log('insert into audit_entry');
      await trx('audit_entry').insert(entries);
      if (subjects.length) {
        log('insert into audit_subject');
        await trx('audit_subject').insert(subjects);
      }
      log('commit');
      return seqs;
    });
  }
}

/** The audit_entry row for an entry (column names as the migration made them). */
function toRow(e: ChainedFields, hash: string): Record<string, unknown> {
  return {
    seq: e.seq,
    at: e.at,
    request_id: e.requestId,
    client_id: e.clientId ?? null,
    agency: e.agency ?? null,
    citizen_id: e.citizenId ?? null,
    purpose: e.purpose ?? null,
    case_number: e.caseNumber ?? null,
    operation_name: e.operationName ?? null,
    document_hash: e.documentHash ?? null,
    fields_requested: JSON.stringify(e.fieldsRequested),
    fields_denied: JSON.stringify(e.fieldsDenied),
    subgraphs: JSON.stringify(e.subgraphs),
    outcome: e.outcome,
    duration_ms: e.durationMs,
    subjects: JSON.stringify(e.subjects),
    prev_hash: e.prevHash,
    hash,
  };
}
