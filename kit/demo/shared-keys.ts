/**
 * Keys that two ministries' demo data must agree on without sharing a database. Planning owns
 * the contractors; municipalities (and later water resources) refer to them by these IDs.
 */
export const DEMO_CONTRACTOR_COUNT = 60;

export function demoContractorIds(): string[] {
  return Array.from({ length: DEMO_CONTRACTOR_COUNT }, (_, i) => `CTR-${String(i + 1).padStart(4, '0')}`);
}

/** The date the demo data is written "as of", so computed delays and ages never drift with the clock. */
export const DEMO_REFERENCE_DATE = '2026-11-01';
