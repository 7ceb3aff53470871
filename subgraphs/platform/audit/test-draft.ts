import type { AuditDraft } from './hash-chain';

/**
 * The i-th audit entry of a test: a welfare officer's citizen lookup, one second apart. Two
 * subjects, one repeated (stored once per entry), and Arabic in the case number.
 */
export function testDraft(i: number): AuditDraft {
  return {
    at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
    requestId: `req-${i}`,
    clientId: 'welfare',
    agency: 'MOLSA',
    citizenId: null,
    purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
    caseNumber: `قضية ${i}`,
    operationName: 'Q',
    documentHash: 'h',
    fieldsRequested: ['Query.citizen'],
    fieldsDenied: [],
    subgraphs: ['identity'],
    outcome: 'OK',
    durationMs: 1,
    subjects: [`1000000000${String(i % 10).padStart(2, '0')}`, '199001010001', '199001010001'],
  };
}
