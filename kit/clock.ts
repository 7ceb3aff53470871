import { baghdadDate } from './secured-documents/baghdad-date';

/**
 * The one clock of every subgraph's rules (delays against plan, "not in the future", years since
 * graduation, signing times). The calendar day is Baghdad's (UTC+3, no daylight saving), so a
 * record dated today is accepted at any hour in Iraq. Seed data never reads it: it is written as
 * of DEMO_REFERENCE_DATE. Tests pin it; each test file has its own module instance.
 */
let pinnedNow: Date | undefined;
let pinnedDay: string | undefined;

export function now(): Date {
  return pinnedNow ? new Date(pinnedNow) : new Date();
}

/** Today's date in Iraq, ISO 8601 (YYYY-MM-DD). */
export function today(): string {
  return pinnedDay ?? baghdadDate(now());
}

/** The current calendar year in Iraq. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** Tests only: answer `at` as now; `undefined` returns to the real clock. */
export function pinNow(at: Date | string | undefined): void {
  pinnedNow = at === undefined ? undefined : new Date(at);
}

/** Tests only: answer `date` as today; `undefined` returns to the real calendar. */
export function pinToday(date: string | undefined): void {
  pinnedDay = date;
}
