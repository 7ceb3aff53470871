import { createHash } from 'node:crypto';
import {
  type ChainedFields,
  chainedHash,
  DRAFT_LENGTH,
  draftValues,
  entryHash,
  GENESIS_HASH,
  SUBJECTS_AT,
} from './hash-chain';
import { journaledDraft, journalLine, parseJournalLine } from './journal-line';
import { testDraft } from './test-draft';

/** The chain's hash as first defined: SHA-256 of the entry's fields in their fixed order, serialised whole. */
const wholeHash = (e: ChainedFields) =>
  createHash('sha256')
    .update(JSON.stringify([e.seq, ...draftValues(e), e.prevHash]))
    .digest('hex');

describe('journal lines', () => {
  const hostile = {
    ...testDraft(7),
    caseNumber: `"قضية" \\ \n \u2028 \ud800 ${'٧'.repeat(3)}`,
    citizenId: null,
    fieldsDenied: ['Citizen.birthDate'],
  };

  it('hash a journaled line as the whole entry serialised would (Arabic, escapes, lone surrogates)', () => {
    for (const draft of [testDraft(1), hostile]) {
      const line = journalLine(draft);
      const entry = parseJournalLine(line);
      const fields = { ...draft, seq: 42, prevHash: GENESIS_HASH };
      expect(chainedHash(42, entry.json, GENESIS_HASH)).toBe(wholeHash(fields));
      expect(entryHash(fields)).toBe(wholeHash(fields));
    }
  });

  it('read a line written as an object (before lines were arrays) as the same entry', () => {
    expect(parseJournalLine(JSON.stringify(hostile))).toEqual(journaledDraft(hostile));
    expect(parseJournalLine(journalLine(hostile))).toEqual(journaledDraft(hostile));
  });

  it('hold DRAFT_LENGTH values, the subjects at SUBJECTS_AT (the copier indexes them from there)', () => {
    const values = draftValues(hostile);
    expect(values).toHaveLength(DRAFT_LENGTH);
    expect(values[SUBJECTS_AT]).toBe(hostile.subjects);
  });

  it('refuse a line with the wrong number of values, saying how many', () => {
    expect(() => parseJournalLine('["2026-11-01T00:00:00.000Z","req-1"]')).toThrow(
      'an audit journal line has 2 values, not 15',
    );
  });
});
