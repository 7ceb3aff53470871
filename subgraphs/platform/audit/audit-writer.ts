import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { AuditEntry } from '../entities/audit-entry.entity';
import { AuditSubject } from '../entities/audit-subject.entity';
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

  private async write(drafts: AuditDraft[]): Promise<number[]> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx: EntityManager) => {
      if (tx.getPlatform() instanceof PostgreSqlPlatform) {
        await tx
          .getConnection()
          .execute(`select pg_advisory_xact_lock(${CHAIN_LOCK})`, [], 'all', tx.getTransactionContext());
      }
      const [last] = await tx.find(
        AuditEntry,
        {},
        { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] },
      );
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const seqs: number[] = [];
      const entries: (ChainedFields & { hash: string })[] = [];
      const subjects: { nationalId: string; seq: number }[] = [];
      for (const draft of drafts) {
        seq += 1;
        const fields: ChainedFields = { ...draft, seq, prevHash };
        const hash = entryHash(fields);
        entries.push({ ...fields, hash });
        for (const nationalId of new Set(draft.subjects)) subjects.push({ nationalId, seq });
        prevHash = hash;
        seqs.push(seq);
      }
      // Plain multi-row inserts: the entries are final, so no unit of work is needed to track them.
      await tx.insertMany(AuditEntry, entries);
      if (subjects.length) await tx.insertMany(AuditSubject, subjects);
      return seqs;
    });
  }
}
