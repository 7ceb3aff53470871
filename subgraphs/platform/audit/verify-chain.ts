import type { EntityManager } from '@mikro-orm/core';
import { AuditEntry } from '../entities/audit-entry.entity';
import { entryHash, GENESIS_HASH } from './hash-chain';

export interface ChainReport {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry where the chain breaks, and how. */
  readonly firstBroken?: { readonly seq: number; readonly problem: string };
}

/**
 * Walks the whole chain in order and checks each entry: no gap in `seq` (a deleted row), its
 * `prevHash` is the previous entry's hash (a removed or reordered row), and its hash is what its
 * fields hash to (an edited row).
 */
export async function verifyChain(em: EntityManager, pageSize = 2000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const page = await em.find(
      AuditEntry,
      { seq: { $gte: expectedSeq } },
      { orderBy: { seq: 'asc' }, limit: pageSize },
    );
    for (const e of page) {
      if (e.seq !== expectedSeq) {
        return {
          ok: false,
          entries,
          firstBroken: { seq: expectedSeq, problem: `entry ${expectedSeq} is missing (deleted)` },
        };
      }
      if (e.prevHash !== prevHash) {
        return {
          ok: false,
          entries,
          firstBroken: { seq: e.seq, problem: 'its prevHash is not the previous entry’s hash' },
        };
      }
      if (entryHash(e) !== e.hash) {
        return {
          ok: false,
          entries,
          firstBroken: { seq: e.seq, problem: 'its fields do not match its hash (edited)' },
        };
      }
      prevHash = e.hash;
      expectedSeq += 1;
      entries += 1;
    }
    em.clear();
    if (page.length < pageSize) return { ok: true, entries };
  }
}
