import type { Caller } from '../../../kit/auth/caller';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import { DOCUMENT_SCOPES } from '../scopes';

/** A client of another agency (the harness's testCaller always acts for NDC). */
export function callerOf(agency: string, scopes: string[]): Caller {
  return {
    clientId: `${agency.toLowerCase()}-records-office`,
    agency,
    citizenId: null,
    scopes,
    purpose: null,
    caseNumber: null,
    requestId: 'test',
  };
}

export const { internalRead, confidentialRead, secretRead, write, revoke, retentionRead } = DOCUMENT_SCOPES;
export const ALL_READ = [internalRead, confidentialRead, secretRead];

/** The instant the tests run "at": the day the demo data is written as of, 09:00 UTC. */
export const TEST_NOW = `${DEMO_REFERENCE_DATE}T09:00:00.000Z`;
