import { urError } from '../../../kit/errors/ur-error';

/**
 * The retention schedule's arithmetic. A record is due for disposition on the anniversary of
 * its creation `retainYears` later; a record created on 29 February falls due on 1 March in a
 * common year (never early). `cutoffFor` is the inverse, so the report can filter in SQL.
 */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function shift(date: string, years: number, feb29: '03-01' | '02-28'): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5, 10);
  if (monthDay === '02-29' && !isLeap(year)) return `${String(year).padStart(4, '0')}-${feb29}`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** The day a record created on `createdDate` falls due. */
export function dueDate(createdDate: string, retainYears: number): string {
  return shift(createdDate, retainYears, '03-01');
}

/** The last creation date whose record is due on `asOf`. */
export function cutoffFor(asOf: string, retainYears: number): string {
  return shift(asOf, -retainYears, '02-28');
}

export function assertDate(value: string, argument: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw urError('BAD_USER_INPUT', `${argument} must be a date, YYYY-MM-DD; got "${value}".`, { argument });
  }
  return value;
}

/** A type without a retention rule cannot be stored: BAD_USER_INPUT naming the types that have one. */
export function assertHasRetentionRule(
  type: string,
  typesWithRules: readonly string[],
  argument: string,
): string {
  if (typesWithRules.includes(type)) return type;
  const known = [...typesWithRules].sort();
  throw urError(
    'BAD_USER_INPUT',
    `Document type "${type}" has no retention rule, so it cannot be stored; types with a rule: ${known.join(', ')}.`,
    { argument, knownTypes: known },
  );
}
