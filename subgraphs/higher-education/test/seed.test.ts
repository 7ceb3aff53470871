import { DEMO_UNIVERSITIES, demoAcademicRecords } from '../../../kit/demo/academic-records';
import { demoCitizens } from '../../../kit/demo/citizens';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { startTestSubgraph } from '../../../kit/testing/subgraph-harness';
import { AcademicDocument } from '../entities/academic-document.entity';
import { AdmissionRule } from '../entities/admission-rule.entity';
import { College } from '../entities/college.entity';
import { Department } from '../entities/department.entity';
import { PostgraduateProgram } from '../entities/postgraduate-program.entity';
import { University } from '../entities/university.entity';
import { VerificationRequest } from '../entities/verification-request.entity';
import { evaluateBackgroundConsistency } from '../rules/background-consistency.rules';
import { PRIVATE_UNIVERSITIES } from '../seed';
import { higherEducation } from '../subgraph';

describe('higher-education demo data', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startTestSubgraph(higherEducation);
  });
  afterAll(() => sg.close());
  const em = () => sg.orm.em.fork();

  it('holds every public university by name, and the private ones', async () => {
    const universities = await em().find(University, {}, { orderBy: { id: 'asc' } });
    expect(universities.map((u) => [u.id, u.name, u.type])).toEqual([
      ...PRIVATE_UNIVERSITIES.map((u) => [u.code, u.ar, 'PRIVATE']),
      ...DEMO_UNIVERSITIES.map((u) => [u.code, u.ar, 'PUBLIC']),
    ]);
    expect(DEMO_UNIVERSITIES).toHaveLength(33);
    // Nine colleges and fifteen departments at each public university, fewer at the private ones.
    expect(await em().count(College, { universityId: 'UNI-01' })).toBe(9);
    expect(await em().count(Department, { collegeId: { $like: 'UNI-01-%' } })).toBe(15);
    expect(await em().count(College, { universityId: 'PUNI-03' })).toBe(3);
  });

  it('holds every shared academic record with exactly its ID, serial, document and state', async () => {
    const stored = await em().find(AcademicDocument, {}, { orderBy: { id: 'asc' } });
    const records = demoAcademicRecords();
    expect(stored.map((d) => [d.id, d.serialNumber, d.documentId, d.holderNationalId, d.status])).toEqual(
      records.map((r) => [
        r.id,
        r.serialNumber,
        r.documentId,
        r.holderNationalId,
        r.revoked ? 'REVOKED' : 'ACTIVE',
      ]),
    );
    expect(stored.filter((d) => d.status === 'REVOKED').length).toBeGreaterThan(10);
    expect(new Set(stored.map((d) => d.signingKeyGeneration))).toEqual(new Set([1, 2]));
    expect(records.filter((r) => r.tamperedCopy).length).toBeGreaterThan(3);
    expect(stored.every((d) => d.departmentId.startsWith(`${d.universityId}-`))).toBe(true);
  });

  it('has a verification history from several agencies, with every outcome but the code referral', async () => {
    const requests = await em().find(VerificationRequest, {});
    expect(new Set(requests.map((r) => r.outcome))).toEqual(
      new Set(['ISSUED', 'REVOKED', 'MISMATCH', 'NOT_FOUND']),
    );
    expect(new Set(requests.map((r) => r.requestedByAgency))).toEqual(
      new Set(['MOI', 'MOH', 'MOP', 'MOLSA']),
    );
    expect(requests.every((r) => r.at < DEMO_REFERENCE_DATE)).toBe(true);
  });

  it('gives every program consistent applicants and applicants failing for several reasons', async () => {
    const programs = await em().find(PostgraduateProgram, {}, { orderBy: { id: 'asc' } });
    const rules = await em().find(AdmissionRule, {}, { orderBy: { id: 'asc' } });
    const byHolder = new Map<string, AcademicDocument[]>();
    for (const d of await em().find(AcademicDocument, {})) {
      byHolder.set(d.holderNationalId, [...(byHolder.get(d.holderNationalId) ?? []), d]);
    }
    expect(programs.length).toBeGreaterThanOrEqual(30);
    const reasonsSeen = new Set<string>();
    for (const program of programs) {
      const verdicts = demoCitizens().map((c) =>
        evaluateBackgroundConsistency(
          program,
          rules.filter((r) => r.programId === program.id),
          byHolder.get(c.nationalId) ?? [],
          2026,
        ),
      );
      const consistent = verdicts.filter((v) => v.consistent).length;
      expect([program.id, consistent > 0]).toEqual([program.id, true]);
      expect([program.id, consistent < verdicts.length]).toEqual([program.id, true]);
      for (const v of verdicts) for (const r of v.reasons) reasonsSeen.add(r.code);
    }
    expect(reasonsSeen).toEqual(
      new Set([
        'CONSISTENT',
        'NO_DOCUMENTS',
        'DOCUMENT_REVOKED',
        'DEGREE_KIND_NOT_ACCEPTED',
        'SPECIALIZATION_NOT_ACCEPTED',
        'GRADE_BELOW_MINIMUM',
        'GRADUATED_TOO_LONG_AGO',
      ]),
    );
  });
});
