import { urError } from '../../../kit/errors/ur-error';
import { assertDate } from './retention.rules';

/**
 * What a secured document's signed part must be. The essential fields go into the QR code, so
 * they are few and short; names are identifiers so that every verifier can show them the same way.
 */
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;
const MAX_FIELDS = 20;
const MAX_VALUE = 200;

export interface FieldEntry {
  readonly name: string;
  readonly value: string;
}

/** The fields as the map that is signed, or BAD_USER_INPUT naming the first problem. */
export function signedFieldsOf(fields: readonly FieldEntry[]): Record<string, string> {
  const argument = 'input.fields';
  if (fields.length > MAX_FIELDS) {
    throw urError(
      'BAD_USER_INPUT',
      `At most ${MAX_FIELDS} essential fields fit in a QR code; got ${fields.length}.`,
      {
        argument,
      },
    );
  }
  const out: Record<string, string> = {};
  for (const { name, value } of fields) {
    if (!FIELD_NAME.test(name)) {
      throw urError(
        'BAD_USER_INPUT',
        `Field name "${name}" must be camelCase letters and digits, at most 40.`,
        {
          argument,
        },
      );
    }
    if (name in out) throw urError('BAD_USER_INPUT', `Field "${name}" is given twice.`, { argument });
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > MAX_VALUE) {
      throw urError('BAD_USER_INPUT', `Field "${name}" must have a value of 1 to ${MAX_VALUE} characters.`, {
        argument,
      });
    }
    out[name] = trimmed;
  }
  return out;
}

/** The printed date (default today) and optional expiry: not in the future, expiry not before it. */
export function issuanceDates(
  issuedAt: string | null | undefined,
  validUntil: string | null | undefined,
  today: string,
): { issuedAt: string; validUntil: string | null } {
  const issued = issuedAt ? assertDate(issuedAt, 'input.issuedAt') : today;
  if (issued > today) {
    throw urError('BAD_USER_INPUT', `input.issuedAt ${issued} is in the future (today is ${today}).`, {
      argument: 'input.issuedAt',
    });
  }
  const until = validUntil ? assertDate(validUntil, 'input.validUntil') : null;
  if (until !== null && until < issued) {
    throw urError('BAD_USER_INPUT', `input.validUntil ${until} is before input.issuedAt ${issued}.`, {
      argument: 'input.validUntil',
    });
  }
  return { issuedAt: issued, validUntil: until };
}
