import { createHash } from 'node:crypto';

/** The hash an empty chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit entry's hash covers: all of them but the hash itself. */
export interface ChainedFields {
  seq: number;
  at: string;
  requestId: string;
  clientId?: string | null;
  agency?: string | null;
  citizenId?: string | null;
  purpose?: string | null;
  caseNumber?: string | null;
  operationName?: string | null;
  documentHash?: string | null;
  fieldsRequested: string[];
  fieldsDenied: string[];
  subgraphs: string[];
  outcome: string;
  durationMs: number;
  subjects: string[];
  prevHash: string;
}

/**
 * SHA-256 over the entry's fields in a fixed order (nulls explicit), so the same entry always
 * hashes the same, on any database, and any edit to a stored field changes it.
 */
export function entryHash(e: ChainedFields): string {
  const canonical = JSON.stringify(chainedValues(e));
  return createHash('sha256').update(canonical).digest('hex');
}

/** The chained fields in their fixed order, nulls explicit: what the hash covers, and the stored row's order. */
export function chainedValues(e: ChainedFields): unknown[] {
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
    e.fieldsRequested,
    e.fieldsDenied,
    e.subgraphs,
    e.outcome,
    e.durationMs,
    e.subjects,
    e.prevHash,
  ];
}
