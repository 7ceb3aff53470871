/**
 * Dates printed on Iraqi documents ("valid until 2026-06-30") are Baghdad calendar days, so an
 * expiry is judged against Baghdad's day (UTC+3, no daylight saving), not UTC's: a permit valid
 * until the 30th is still valid at 01:00 on the 1st in London.
 */
const BAGHDAD_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baghdad',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Baghdad calendar day of an instant, YYYY-MM-DD. */
export function baghdadDate(at: Date): string {
  return BAGHDAD_DAY.format(at);
}
