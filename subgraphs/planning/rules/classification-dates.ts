import { now } from '../../../kit/clock';
import { baghdadDate } from '../../../kit/secured-documents/baghdad-date';
/** A classification is valid for two years from the day it is granted or renewed. */
export const VALIDITY_YEARS = 2;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return format(new Date(Date.UTC(y + years, m - 1, Math.min(d, lastDay))));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Last valid day of a classification granted on `classifiedAt`. */
export function validityEnd(classifiedAt: string): string {
  return addYears(classifiedAt, VALIDITY_YEARS);
}

/** Today's date in Iraq, for records written by mutations (seed data uses DEMO_REFERENCE_DATE). */
export function todayIso(at: Date = now()): string {
  return baghdadDate(at);
}
