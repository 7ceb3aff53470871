import type { Caller } from '../../../kit/auth/caller';
import { demoAcademicRecords, type DemoAcademicRecord } from '../../../kit/demo/academic-records';
import { testCaller } from '../../../kit/testing/subgraph-harness';
import { HIGHERED_SCOPES } from '../scopes';

export const S = HIGHERED_SCOPES;
export const BASIC = 'identity.citizen.basic:read';

/** The demo clients as the router would present them (scopes from the ministry's brief). */
export const DEGREE_VERIFIER_SCOPES = [BASIC, S.documentRead, S.verificationWrite, S.verificationRead];
export const REGISTRAR_SCOPES = [BASIC, ...Object.values(HIGHERED_SCOPES)];

export function callerOf(
  scopes: string[],
  clientId: string,
  agency: string,
  extra: Partial<Caller> = {},
): Caller {
  return { ...testCaller(scopes, clientId), agency, ...extra };
}

/** A personnel department of the Ministry of Interior, checking a job applicant's degree. */
export const DEGREE_VERIFIER = callerOf(DEGREE_VERIFIER_SCOPES, 'degree-verifier', 'MOI', {
  purpose: 'DEGREE_VERIFICATION',
  caseNumber: 'MOI/HR/2026/0415',
});
/** The ministry's own registrar: every higher-education scope. */
export const REGISTRAR = callerOf(REGISTRAR_SCOPES, 'mohe-registrar', 'MOHESR', {
  purpose: 'ACADEMIC_RECORDS',
});

/** Every record except transcripts, by holder. */
export function degreesByHolder(): Map<string, DemoAcademicRecord[]> {
  const out = new Map<string, DemoAcademicRecord[]>();
  for (const r of demoAcademicRecords()) {
    if (r.kind === 'TRANSCRIPT') continue;
    out.set(r.holderNationalId, [...(out.get(r.holderNationalId) ?? []), r]);
  }
  return out;
}

/** Every holder's only degree that satisfies `test` (so the expected verdict is plain), in ID order. */
export function soleDegrees(test: (r: DemoAcademicRecord) => boolean): DemoAcademicRecord[] {
  return [...degreesByHolder().values()]
    .filter((degrees) => degrees.length === 1 && test(degrees[0]!))
    .map((degrees) => degrees[0]!)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The first holder whose only degree satisfies `test`. */
export function soleDegree(test: (r: DemoAcademicRecord) => boolean): DemoAcademicRecord {
  const found = soleDegrees(test)[0];
  if (!found) throw new Error('no demo holder with such a sole degree');
  return found;
}

/** The response extension through which the subgraph reports whose personal data it returned. */
export function subjects(nationalIds: readonly string[]): { urSubjects: string[] } {
  return { urSubjects: [...new Set(nationalIds)] };
}
