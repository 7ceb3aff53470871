import { baghdadDate } from '../../kit/secured-documents/baghdad-date';

/**
 * "Now" for signing, verification, records-register years and the disposition report: the one
 * place it comes from, so tests can pin it. Seed data never reads it (it is written as of
 * DEMO_REFERENCE_DATE).
 */
let pinned: Date | undefined;

export function now(): Date {
  return pinned ? new Date(pinned) : new Date();
}

/** Today's date in Iraq, YYYY-MM-DD. */
export function today(): string {
  return baghdadDate(now());
}

/** Tests only: answer `at` as now; `undefined` returns to the real clock. */
export function pinNow(at: Date | string | undefined): void {
  pinned = at === undefined ? undefined : new Date(at);
}
