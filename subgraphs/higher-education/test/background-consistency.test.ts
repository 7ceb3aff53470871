import { demoAcademicRecords, type DemoAcademicRecord } from '../../../kit/demo/academic-records';
import { demoCitizens } from '../../../kit/demo/citizens';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { pinToday } from '../../../kit/clock';
import { higherEducation } from '../subgraph';
import { REGISTRAR, S, soleDegree, soleDegrees, subjects } from './support';

const QUERY = `query($n: String!, $p: ID!) { backgroundConsistency(nationalId: $n, programId: $p) {
  applicant { nationalId } program { id } consistent matchedDocument { id } matchedRule { id }
  closestDocument { id } reasons reasonDetails { code } evaluatedInYear
} }`;

const CIVIL = ['CIVIL_ENG', 'WATER_RES_ENG'];
const consistentForCivil = (x: DemoAcademicRecord) =>
  x.kind === 'BACHELOR' && CIVIL.includes(x.specialization.code) && x.gradeAverage >= 65 && !x.revoked;

describe('background consistency (انسجام الخلفية)', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    pinToday(DEMO_REFERENCE_DATE);
    sg = await startTestSubgraph(higherEducation);
  });
  afterAll(async () => {
    pinToday(undefined);
    await sg.close();
  });

  const ask = (nationalId: string, programId: string, caller = REGISTRAR) =>
    callSubgraph(sg.url, QUERY, { n: nationalId, p: programId }, caller);

  it('consistent: names the matching document and rule, in three SQL queries', async () => {
    // PGP-001, Master in Civil Engineering at Baghdad: a bachelor in civil or water engineering, 65 or more.
    const r = soleDegrees(consistentForCivil)[0]!;
    sg.stats.sql = 0;
    const res = await ask(r.holderNationalId, 'PGP-001');
    expect(sg.stats.sql).toBe(3);
    const kind = 'بكالوريوس';
    expect(res.body).toEqual({
      data: {
        backgroundConsistency: {
          applicant: { nationalId: r.holderNationalId },
          program: { id: 'PGP-001' },
          consistent: true,
          matchedDocument: { id: r.id },
          matchedRule: { id: 'PGP-001-R1' },
          closestDocument: null,
          reasons: [
            `الوثيقة ${r.id} (${kind} في ${r.specialization.ar}، ${r.graduationYear}) تستوفي قاعدة القبول PGP-001-R1 لبرنامج ماجستير الهندسة المدنية. — ` +
              `Document ${r.id} (Bachelor in ${r.specialization.en}, ${r.graduationYear}) meets admission rule PGP-001-R1 of program Master in Civil Engineering.`,
          ],
          reasonDetails: [{ code: 'CONSISTENT' }],
          evaluatedInYear: 2026,
        },
      },
    });
    expect(res.extensions).toEqual(subjects([r.holderNationalId]));
  });

  const notConsistent = (nationalId: string, closest: string | null, codes: string[], programId: string) => ({
    data: {
      backgroundConsistency: {
        applicant: { nationalId },
        program: { id: programId },
        consistent: false,
        matchedDocument: null,
        matchedRule: null,
        closestDocument: closest ? { id: closest } : null,
        reasons: codes.map(() => expect.stringMatching(/^.+ — .+$/)),
        reasonDetails: codes.map((code) => ({ code })),
        evaluatedInYear: 2026,
      },
    },
  });

  it.each([
    [
      'SPECIALIZATION_NOT_ACCEPTED',
      'PGP-001',
      (x: DemoAcademicRecord) =>
        x.kind === 'BACHELOR' && !CIVIL.includes(x.specialization.code) && x.gradeAverage >= 65 && !x.revoked,
    ],
    [
      'GRADE_BELOW_MINIMUM',
      'PGP-001',
      (x: DemoAcademicRecord) =>
        x.kind === 'BACHELOR' && CIVIL.includes(x.specialization.code) && x.gradeAverage < 65 && !x.revoked,
    ],
    [
      'DOCUMENT_REVOKED',
      'PGP-001',
      (x: DemoAcademicRecord) =>
        x.kind === 'BACHELOR' &&
        CIVIL.includes(x.specialization.code) &&
        x.gradeAverage >= 65 &&
        x.revoked !== null,
    ],
    [
      // PGP-021, Doctorate in Civil Engineering: needs a master's (70 or more).
      'DEGREE_KIND_NOT_ACCEPTED',
      'PGP-021',
      (x: DemoAcademicRecord) =>
        x.kind === 'BACHELOR' && CIVIL.includes(x.specialization.code) && x.gradeAverage >= 70 && !x.revoked,
    ],
    [
      // PGP-019, Master in Computer Science at Thi-Qar: graduated at most 8 years ago.
      'GRADUATED_TOO_LONG_AGO',
      'PGP-019',
      (x: DemoAcademicRecord) =>
        x.kind === 'BACHELOR' &&
        x.specialization.code === 'COMP_SCI' &&
        x.gradeAverage >= 60 &&
        !x.revoked &&
        x.graduationYear < 2018,
    ],
  ])('not consistent: %s', async (code, programId, test) => {
    const r = soleDegree(test);
    const res = await ask(r.holderNationalId, programId);
    expect(res.body).toEqual(notConsistent(r.holderNationalId, r.id, [code], programId));
    expect(res.extensions).toEqual(subjects([r.holderNationalId]));
  });

  it('not consistent: NO_DOCUMENTS for a citizen without any degree', async () => {
    const holders = new Set(demoAcademicRecords().map((r) => r.holderNationalId));
    const someone = demoCitizens().find((c) => !holders.has(c.nationalId))!;
    const res = await ask(someone.nationalId, 'PGP-001');
    expect(res.body).toEqual(notConsistent(someone.nationalId, null, ['NO_DOCUMENTS'], 'PGP-001'));
    expect(res.extensions).toEqual(subjects([someone.nationalId]));
    const reasons = (res.body.data!.backgroundConsistency as { reasons: string[] }).reasons;
    expect(reasons).toEqual([
      'لا توجد للمتقدم شهادة مسجلة لدى وزارة التعليم العالي والبحث العلمي. — The applicant has no degree recorded by the Ministry of Higher Education and Scientific Research.',
    ]);
  });

  it('a revocation changes the verdict at once', async () => {
    // Not the applicant of the first test: this one's degree gets revoked.
    const r = soleDegrees(consistentForCivil)[1]!;
    expect((await ask(r.holderNationalId, 'PGP-001')).body.data).toMatchObject({
      backgroundConsistency: { consistent: true },
    });
    const revoked = await callSubgraph(
      sg.url,
      'mutation($id: ID!) { revokeAcademicDocument(id: $id, reason: "forged") { status } }',
      { id: r.id },
      REGISTRAR,
    );
    expect(revoked.body).toEqual({
      data: { revokeAcademicDocument: { status: 'REVOKED' } },
    });
    expect(revoked.extensions).toEqual(subjects([r.holderNationalId]));
    expect((await ask(r.holderNationalId, 'PGP-001')).body).toEqual(
      notConsistent(r.holderNationalId, r.id, ['DOCUMENT_REVOKED'], 'PGP-001'),
    );
  });

  it('refuses an unknown program, a malformed national ID and a caller without the admission scope', async () => {
    const someone = demoCitizens()[0]!.nationalId;
    expect((await ask(someone, 'PGP-999')).body).toEqual({
      data: { backgroundConsistency: null },
      errors: [
        {
          message: 'No postgraduate program "PGP-999"; IDs look like PGP-001.',
          path: ['backgroundConsistency'],
          locations: expect.any(Array),
          extensions: { code: 'NOT_FOUND', argument: 'programId' },
        },
      ],
    });
    expect((await ask('12345', 'PGP-001')).body).toEqual({
      data: { backgroundConsistency: null },
      errors: [
        {
          message: '"12345" is not a valid national ID: it must be 12 digits, not starting with 0.',
          path: ['backgroundConsistency'],
          locations: expect.any(Array),
          extensions: { code: 'INVALID_NATIONAL_ID', argument: 'nationalId' },
        },
      ],
    });
    expect((await ask(someone, 'PGP-001', testCaller([S.documentRead]))).body).toEqual({
      data: { backgroundConsistency: null },
      errors: [
        {
          message: 'Query.backgroundConsistency needs scope highered.admission:read.',
          path: ['backgroundConsistency'],
          locations: expect.any(Array),
          extensions: { code: 'FORBIDDEN', missingScopes: [S.admissionRead] },
        },
      ],
    });
  });

  it('lists the programs with their rules as data', async () => {
    const res = await callSubgraph(
      sg.url,
      `{ postgraduatePrograms(first: 2, filter: { universityCode: "UNI-01", degree: DOCTORATE }) {
          totalCount edges { node { id name nameEn degree university { id } rules {
            id acceptedSpecializations { code } acceptedPriorDegrees minimumGradeAverage maxYearsSinceGraduation program { id }
          } } } } }`,
      {},
      REGISTRAR,
    );
    expect(res.body).toEqual({
      data: {
        postgraduatePrograms: {
          totalCount: 2,
          edges: [
            {
              node: {
                id: 'PGP-021',
                name: 'دكتوراه الهندسة المدنية',
                nameEn: 'Doctorate in Civil Engineering',
                degree: 'DOCTORATE',
                university: { id: 'UNI-01' },
                rules: [
                  {
                    id: 'PGP-021-R1',
                    acceptedSpecializations: [{ code: 'CIVIL_ENG' }, { code: 'WATER_RES_ENG' }],
                    acceptedPriorDegrees: ['MASTER'],
                    minimumGradeAverage: 70,
                    maxYearsSinceGraduation: null,
                    program: { id: 'PGP-021' },
                  },
                ],
              },
            },
            {
              node: {
                id: 'PGP-022',
                name: 'دكتوراه علوم الحاسوب',
                nameEn: 'Doctorate in Computer Science',
                degree: 'DOCTORATE',
                university: { id: 'UNI-01' },
                rules: [
                  {
                    id: 'PGP-022-R1',
                    acceptedSpecializations: [{ code: 'COMP_SCI' }],
                    acceptedPriorDegrees: ['MASTER'],
                    minimumGradeAverage: 72,
                    maxYearsSinceGraduation: null,
                    program: { id: 'PGP-022' },
                  },
                  {
                    id: 'PGP-022-R2',
                    acceptedSpecializations: [{ code: 'ELEC_ENG' }],
                    acceptedPriorDegrees: ['MASTER'],
                    minimumGradeAverage: 80,
                    maxYearsSinceGraduation: null,
                    program: { id: 'PGP-022' },
                  },
                ],
              },
            },
          ],
        },
      },
    });
    const all = await callSubgraph(
      sg.url,
      '{ postgraduatePrograms(first: 100) { totalCount } postgraduateProgram(id: "PGP-031") { university { type } } }',
      {},
      REGISTRAR,
    );
    expect(all.body).toEqual({
      data: {
        postgraduatePrograms: { totalCount: 32 },
        postgraduateProgram: { university: { type: 'PRIVATE' } },
      },
    });
  });
});
