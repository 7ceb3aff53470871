import { type AuditDraft, DRAFT_LENGTH, draftValues } from './hash-chain';

/**
 * An audit entry as the journal holds it: the draft's values in the chain's order, and their JSON
 * text, which the copier hashes as it is (`chainedHash`).
 */
export interface JournaledDraft {
  readonly values: readonly unknown[];
  /** `JSON.stringify(values)`: the line's own text. */
  readonly json: string;
}

/**
 * The journal's line for `draft` (without its newline): a JSON array in the chain's order rather
 * than an object, so the copier neither parses keys nor serialises the entry again to hash it.
 */
export function journalLine(draft: AuditDraft): string {
  return JSON.stringify(draftValues(draft));
}

/** A draft as the journal would hold it (for callers that write drafts straight to the chain). */
export function journaledDraft(draft: AuditDraft): JournaledDraft {
  const json = journalLine(draft);
  return { values: JSON.parse(json) as unknown[], json };
}

/**
 * A journal line's entry. Lines written before journals held arrays are objects: a journal left
 * by a router of that version is still recovered, its entries serialised in today's order.
 */
export function parseJournalLine(text: string): JournaledDraft {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return journaledDraft(parsed as AuditDraft);
  if (parsed.length !== DRAFT_LENGTH) {
    throw new Error(`an audit journal line has ${parsed.length} values, not ${DRAFT_LENGTH}`);
  }
  return { values: parsed, json: text };
}
