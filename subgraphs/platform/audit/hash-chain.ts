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
  fieldsRequested: readonly string[];
  fieldsDenied: readonly string[];
  subgraphs: readonly string[];
  outcome: string;
  durationMs: number;
  subjects: readonly string[];
  prevHash: string;
}

/** An entry before it is chained: what the router records of an operation. */
export type AuditDraft = Omit<ChainedFields, 'seq' | 'prevHash'>;

/**
 * A draft's fields in the chain's fixed order, nulls explicit: the stored row's order between
 * `seq` and `prev_hash`, and what the router journals (`journal-line.ts`).
 */
export function draftValues(d: AuditDraft): unknown[] {
  return [
    d.at,
    d.requestId,
    d.clientId ?? null,
    d.agency ?? null,
    d.citizenId ?? null,
    d.purpose ?? null,
    d.caseNumber ?? null,
    d.operationName ?? null,
    d.documentHash ?? null,
    d.fieldsRequested,
    d.fieldsDenied,
    d.subgraphs,
    d.outcome,
    d.durationMs,
    d.subjects,
  ];
}

/** How many values `draftValues` has. */
export const DRAFT_LENGTH = 15;
/** Where the subjects are in `draftValues` (the copier indexes them for citizens' lookups). */
export const SUBJECTS_AT = 14;

/**
 * SHA-256 over the entry's fields in a fixed order (nulls explicit), so the same entry always
 * hashes the same, on any database, and any edit to a stored field changes it.
 */
export function entryHash(e: ChainedFields): string {
  return chainedHash(e.seq, JSON.stringify(draftValues(e)), e.prevHash);
}

/**
 * The hash of the entry numbered `seq` whose draft values serialise to `draftJson` (a JSON array,
 * as `JSON.stringify(draftValues(…))` writes it), chained after `prevHash`: the SHA-256 of the
 * JSON array `[seq, …draft values, prevHash]`, spliced from the draft's own text so that the
 * copier hashes a journal line without serialising the entry again.
 */
export function chainedHash(seq: number, draftJson: string, prevHash: string): string {
  const canonical = `[${seq},${draftJson.slice(1, -1)},${JSON.stringify(prevHash)}]`;
  return createHash('sha256').update(canonical).digest('hex');
}
