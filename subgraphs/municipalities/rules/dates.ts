import { urError } from '../../../kit/errors/ur-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Throws BAD_USER_INPUT naming the argument unless `value` is a real ISO date. */
export function assertIsoDate(value: string, argument: string): string {
  if (!isIsoDate(value)) {
    throw urError('BAD_USER_INPUT', `"${value}" is not a date; write a real calendar date as YYYY-MM-DD.`, {
      argument,
    });
  }
  return value;
}

/** Throws BAD_USER_INPUT when `value` (an ISO date) is after `today`. */
export function assertNotFuture(value: string, today: string, argument: string): string {
  if (value > today) {
    throw urError('BAD_USER_INPUT', `${argument} ${value} is in the future; it may be at most ${today}.`, {
      argument,
    });
  }
  return value;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The ISO date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}
