/**
 * "Today" for the ministry's rules (years since graduation, revocation and request times): the one
 * place it comes from. The calendar day is Baghdad's. Seed data never reads it (it is written as of
 * DEMO_REFERENCE_DATE).
 */
const BAGHDAD_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baghdad',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let pinned: string | undefined;

/** Today's date in Iraq, ISO 8601 (YYYY-MM-DD). */
export function today(): string {
  return pinned ?? BAGHDAD_DAY.format(new Date());
}

/** The current calendar year in Iraq. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** Tests only: answer `date` as today (e.g. DEMO_REFERENCE_DATE); `undefined` returns to the real calendar. */
export function pinToday(date: string | undefined): void {
  pinned = date;
}
