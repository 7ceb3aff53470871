import { urError } from '../../../kit/errors/ur-error';
import type { Specialization } from '../entities/contractor.entity';
import { searchKeyOf } from './search-key';

export const HIGHEST_GRADE = 1;
export const LOWEST_GRADE = 10;
const MAX_NAME = 200;
const MAX_REASON = 1000;

/** Iraqi contractor classification grades run from 1 (highest) to 10. */
export function assertGrade(grade: number, argument = 'grade'): number {
  if (!Number.isInteger(grade) || grade < HIGHEST_GRADE || grade > LOWEST_GRADE) {
    throw urError(
      'BAD_USER_INPUT',
      `\`${argument}\` must be a whole number from ${HIGHEST_GRADE} (highest) to ${LOWEST_GRADE} (lowest); got ${grade}.`,
      { argument },
    );
  }
  return grade;
}

/** A reason recorded in the history: required, trimmed, at most 1000 characters. */
export function assertReason(reason: string, argument = 'reason'): string {
  const text = reason.trim();
  if (!text) {
    throw urError('BAD_USER_INPUT', `\`${argument}\` must say why; got an empty reason.`, { argument });
  }
  if (text.length > MAX_REASON) {
    throw urError(
      'BAD_USER_INPUT',
      `\`${argument}\` may be at most ${MAX_REASON} characters; got ${text.length}.`,
      { argument },
    );
  }
  return text;
}

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z]/;

/** A company name, whitespace collapsed; `script` says which alphabet it must be written in. */
export function assertCompanyName(name: string, argument: string, script: 'Arabic' | 'English'): string {
  const text = name.replace(/\s+/g, ' ').trim();
  const letter = script === 'Arabic' ? ARABIC_LETTER : LATIN_LETTER;
  if (!letter.test(text) || text.length > MAX_NAME) {
    throw urError(
      'BAD_USER_INPUT',
      `\`${argument}\` must be the company's ${script} name, in ${script} letters, at most ${MAX_NAME} characters; got "${name}".`,
      { argument },
    );
  }
  return text;
}

/** At least one specialization; repeats are dropped, the order given is kept. */
export function assertSpecializations(
  specializations: readonly Specialization[],
  argument = 'specializations',
): Specialization[] {
  const distinct = [...new Set(specializations)];
  if (distinct.length === 0) {
    throw urError(
      'BAD_USER_INPUT',
      `\`${argument}\` must name at least one specialization, e.g. BUILDINGS or ROADS_BRIDGES.`,
      { argument },
    );
  }
  return distinct;
}

/** The normalized text `nameContains` is matched with; it must keep at least one letter or digit. */
export function nameSearchKey(nameContains: string, argument = 'nameContains'): string {
  const key = searchKeyOf(nameContains);
  if (!key) {
    throw urError(
      'BAD_USER_INPUT',
      `\`${argument}\` must contain at least one letter or digit of an Arabic or English company name; got "${nameContains}".`,
      { argument },
    );
  }
  return key;
}
