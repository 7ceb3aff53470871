import { DEMO_UNIVERSITIES, demoAcademicRecords } from '../../../kit/demo/academic-records';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { AcademicDocument } from '../entities/academic-document.entity';
import { VerificationRequest } from '../entities/verification-request.entity';
import { tamperedGradeOf } from '../seed';
import { higherEducation } from '../subgraph';
import { callerOf, DEGREE_VERIFIER, REGISTRAR, S, subjects } from './support';

const records = demoAcademicRecords();
const degrees = records.filter((r) => r.kind !== 'TRANSCRIPT');
const KIND_AR: Record<string, string> = {
  BACHELOR: 'بكالوريوس',
  MASTER: 'ماجستير',
  DOCTORATE: 'دكتوراه',
  DIPLOMA: 'دبلوم',
};
const KIND_EN: Record<string, string> = {
  BACHELOR: 'Bachelor',
  MASTER: 'Master',
  DOCTORATE: 'Doctorate',
  DIPLOMA: 'Diploma',
};
const REQUEST_ID = /^VR-\d{8}T\d{9}Z-[0-9a-f]{6}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const VERIFY = `mutation($input: VerifyAcademicDocumentInput!) { verifyAcademicDocument(input: $input) {
  requestId outcome method value mismatchedFields reasons reasonDetails { code ar en } academicDocument { id status } checkedAt
} }`;
const VERIFY_SHORT = `mutation($input: VerifyAcademicDocumentInput!) { verifyAcademicDocument(input: $input) {
  outcome mismatchedFields reasonDetails { code }
} }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeAcademicDocument(id: $id, reason: $reason) {
  id status revokedAt revocationReason
} }`;

describe('issuance verification and revocation', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startTestSubgraph(higherEducation);
  });
  afterAll(() => sg.close());

  const em = () => sg.orm.em.fork();
  const requestCount = () => em().count(VerificationRequest, {});
  const stored = (id: string) => em().findOneOrFail(AcademicDocument, { id });

  /** Records no other test in this file uses (some tests revoke). */
  const used = new Set<string>();
  const take = (test: (r: (typeof records)[number]) => boolean) => {
    const r = degrees.find((x) => test(x) && !used.has(x.id));
    if (!r) throw new Error('no unused demo record of that kind');
    used.add(r.id);
    return r;
  };
  const active = () => take((r) => !r.revoked && !r.tamperedCopy);

  it('ISSUED: states who issued it and when, and records the request with the caller’s agency and purpose', async () => {
    const r = active();
    const uni = DEMO_UNIVERSITIES.find((u) => u.code === r.universityCode)!;
    const before = await requestCount();
    const res = await callSubgraph(
      sg.url,
      VERIFY,
      {
        input: {
          serialNumber: r.serialNumber,
          holderNationalId: r.holderNationalId,
          presentedFields: {
            kind: r.kind,
            specializationCode: r.specialization.code,
            graduationYear: r.graduationYear,
          },
        },
      },
      DEGREE_VERIFIER,
    );
    const issuedBy = {
      code: 'ISSUED_BY_UNIVERSITY',
      ar: `الوثيقة (${KIND_AR[r.kind]} في ${r.specialization.ar} لسنة ${r.graduationYear}) ذات الرقم التسلسلي ${r.serialNumber} صادرة عن ${uni.ar} بتاريخ ${r.issuedAt}.`,
      en: `The document (${KIND_EN[r.kind]} in ${r.specialization.en}, ${r.graduationYear}) with serial number ${r.serialNumber} was issued by ${uni.en} on ${r.issuedAt}.`,
    };
    const reasons = [
      issuedBy,
      {
        code: 'HOLDER_MATCHES',
        ar: 'صاحب الوثيقة هو صاحب الرقم الوطني المقدم.',
        en: 'It was issued to the holder of the national ID presented.',
      },
      {
        code: 'DETAILS_MATCH',
        ar: 'التفاصيل المقدمة مطابقة للوثيقة الصادرة.',
        en: 'The details presented match the document as issued.',
      },
      { code: 'STANDS', ar: 'الوثيقة نافذة ولم تُلغَ.', en: 'It stands: it has not been revoked.' },
    ];
    expect(res.body).toEqual({
      data: {
        verifyAcademicDocument: {
          requestId: expect.stringMatching(REQUEST_ID),
          outcome: 'ISSUED',
          method: 'SERIAL_NUMBER',
          value: r.serialNumber,
          mismatchedFields: [],
          reasons: reasons.map((x) => `${x.ar} — ${x.en}`),
          reasonDetails: reasons,
          academicDocument: { id: r.id, status: 'ACTIVE' },
          checkedAt: expect.stringMatching(ISO),
        },
      },
    });
    // Whose data was answered, for the router's audit.
    expect(res.extensions).toEqual(subjects([r.holderNationalId]));
    const answer = res.body.data!.verifyAcademicDocument as { requestId: string; checkedAt: string };
    expect(await requestCount()).toBe(before + 1);
    const row = await em().findOneOrFail(VerificationRequest, { id: answer.requestId });
    expect({ ...row }).toEqual({
      id: answer.requestId,
      requestedByClient: 'degree-verifier',
      requestedByAgency: 'MOI',
      purpose: 'DEGREE_VERIFICATION',
      caseNumber: 'MOI/HR/2026/0415',
      method: 'SERIAL_NUMBER',
      value: r.serialNumber,
      holderNationalId: r.holderNationalId,
      presentedKind: r.kind,
      presentedSpecializationCode: r.specialization.code,
      presentedGraduationYear: r.graduationYear,
      presentedGradeAverage: null,
      academicDocumentId: r.id,
      universityId: r.universityCode,
      outcome: 'ISSUED',
      reasonList: reasons,
      mismatchedFields: [],
      at: answer.checkedAt,
    });
  });

  it('MISMATCH: a tampered copy’s raised grade is caught, without telling the issued grade', async () => {
    const r = take((x) => x.tamperedCopy);
    const forged = tamperedGradeOf(r);
    const res = await callSubgraph(
      sg.url,
      VERIFY,
      {
        input: {
          serialNumber: r.serialNumber,
          holderNationalId: r.holderNationalId,
          presentedFields: { gradeAverage: forged },
        },
      },
      DEGREE_VERIFIER,
    );
    const answer = res.body.data!.verifyAcademicDocument as Record<string, unknown>;
    expect(res.body.errors).toBeUndefined();
    expect(answer).toMatchObject({ outcome: 'MISMATCH', mismatchedFields: ['gradeAverage'] });
    expect(answer.reasonDetails).toEqual([
      expect.objectContaining({ code: 'ISSUED_BY_UNIVERSITY' }),
      expect.objectContaining({ code: 'HOLDER_MATCHES' }),
      {
        code: 'GRADE_MISMATCH',
        ar: `المعدل المقدم (${forged}) يخالف المعدل الصادر في الوثيقة.`,
        en: `The grade average presented (${forged}) differs from the one issued.`,
      },
    ]);
    // The issued grade is never stated: not in any reason, in either language.
    const said = JSON.stringify([answer.reasons, answer.reasonDetails]);
    expect(said).not.toMatch(
      new RegExp(`(^|[^0-9.])${String(r.gradeAverage).replace('.', '\\.')}([^0-9]|$)`),
    );
  });

  it('MISMATCH: someone else’s degree, and a wrong specialization and year, each named', async () => {
    const r = active();
    const other = degrees.find((x) => x.holderNationalId !== r.holderNationalId)!;
    const otherSpec = r.specialization.code === 'LAW' ? 'MEDICINE' : 'LAW';
    const res = await callSubgraph(
      sg.url,
      VERIFY_SHORT,
      {
        input: {
          serialNumber: r.serialNumber,
          holderNationalId: other.holderNationalId,
          presentedFields: { specializationCode: otherSpec, graduationYear: r.graduationYear - 1 },
        },
      },
      DEGREE_VERIFIER,
    );
    expect(res.body).toEqual({
      data: {
        verifyAcademicDocument: {
          outcome: 'MISMATCH',
          mismatchedFields: ['holderNationalId', 'specializationCode', 'graduationYear'],
          reasonDetails: [
            { code: 'ISSUED_BY_UNIVERSITY' },
            { code: 'HOLDER_MISMATCH' },
            { code: 'SPECIALIZATION_MISMATCH' },
            { code: 'GRADUATION_YEAR_MISMATCH' },
          ],
        },
      },
    });
    expect(res.extensions).toEqual(subjects([r.holderNationalId]));
  });

  it('REVOKED: a degree revoked for forgery says so, with the date and reason', async () => {
    const r = take((x) => x.revoked !== null);
    const res = await callSubgraph(
      sg.url,
      VERIFY,
      { input: { serialNumber: r.serialNumber } },
      DEGREE_VERIFIER,
    );
    const answer = res.body.data!.verifyAcademicDocument as { reasonDetails: unknown[] };
    expect(res.body.errors).toBeUndefined();
    expect(answer).toMatchObject({
      outcome: 'REVOKED',
      mismatchedFields: [],
      academicDocument: { id: r.id, status: 'REVOKED' },
    });
    expect(answer.reasonDetails[1]).toEqual({
      code: 'REVOKED',
      ar: `ألغيت الوثيقة بتاريخ ${r.revoked!.at}، والسبب: ${r.revoked!.reason}`,
      en: `It was revoked on ${r.revoked!.at}; the reason given: ${r.revoked!.reason}`,
    });
  });

  it('NOT_FOUND: an unissued serial of a real university, and a serial naming no university', async () => {
    const unissued = await callSubgraph(
      sg.url,
      VERIFY,
      { input: { serialNumber: 'UNI-01-2015-99999' } },
      DEGREE_VERIFIER,
    );
    expect(unissued.body.data!.verifyAcademicDocument).toMatchObject({
      outcome: 'NOT_FOUND',
      mismatchedFields: [],
      academicDocument: null,
      reasonDetails: [
        {
          code: 'SERIAL_NOT_ISSUED',
          ar: 'لم تصدر جامعة بغداد أي وثيقة بالرقم التسلسلي UNI-01-2015-99999.',
          en: 'University of Baghdad issued no document with serial number UNI-01-2015-99999.',
        },
      ],
    });
    const id = (unissued.body.data!.verifyAcademicDocument as { requestId: string }).requestId;
    expect(await em().findOneOrFail(VerificationRequest, { id })).toMatchObject({
      universityId: 'UNI-01',
      academicDocumentId: null,
      outcome: 'NOT_FOUND',
    });

    const nowhere = await callSubgraph(
      sg.url,
      VERIFY_SHORT,
      { input: { serialNumber: 'UNI-77-2015-00001' } },
      DEGREE_VERIFIER,
    );
    expect(nowhere.body).toEqual({
      data: {
        verifyAcademicDocument: {
          outcome: 'NOT_FOUND',
          mismatchedFields: [],
          reasonDetails: [{ code: 'UNKNOWN_UNIVERSITY' }],
        },
      },
    });
  });

  it('REFER_TO_DOCUMENTS: a verification code is for the documents subgraph, recorded all the same', async () => {
    const before = await requestCount();
    const res = await callSubgraph(
      sg.url,
      VERIFY,
      { input: { verificationCode: '7kq3 m9xd 2f' } },
      DEGREE_VERIFIER,
    );
    expect(res.body).toEqual({
      data: {
        verifyAcademicDocument: {
          requestId: expect.stringMatching(REQUEST_ID),
          outcome: 'REFER_TO_DOCUMENTS',
          method: 'VERIFICATION_CODE',
          value: '7KQ3-M9XD-2F',
          mismatchedFields: [],
          reasons: [expect.stringContaining('verifyDocument(code)')],
          reasonDetails: [expect.objectContaining({ code: 'CODE_CHECKED_BY_DOCUMENTS' })],
          academicDocument: null,
          checkedAt: expect.stringMatching(ISO),
        },
      },
    });
    expect(await requestCount()).toBe(before + 1);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'neither serial nor code',
        { holderNationalId: records[0]!.holderNationalId },
        {
          message:
            'Give exactly one of `serialNumber` and `verificationCode` to identify the presented document.',
          extensions: { code: 'BAD_USER_INPUT', argument: 'input' },
        },
      ],
      [
        'both serial and code',
        { serialNumber: 'UNI-01-2015-00001', verificationCode: '7KQ3-M9XD-2F' },
        {
          message:
            'Give exactly one of `serialNumber` and `verificationCode` to identify the presented document.',
          extensions: { code: 'BAD_USER_INPUT', argument: 'input' },
        },
      ],
      [
        'a malformed serial',
        { serialNumber: 'BAGHDAD-2015-1' },
        {
          message:
            '"BAGHDAD-2015-1" is not a serial number: it must look like UNI-01-2015-00001 (university code, year, five digits).',
          extensions: {
            code: 'BAD_USER_INPUT',
            argument: 'input.serialNumber',
            expected: 'UNI-01-2015-00001',
          },
        },
      ],
      [
        'a malformed code',
        { verificationCode: '12345' },
        {
          message:
            '"12345" is not a verification code: it must look like 7KQ3-M9XD-2F (10 digits and letters, no I, L, O or U).',
          extensions: {
            code: 'BAD_USER_INPUT',
            argument: 'input.verificationCode',
            expected: '7KQ3-M9XD-2F',
          },
        },
      ],
      [
        'an invalid holder national ID',
        { serialNumber: 'UNI-01-2015-00001', holderNationalId: '000000000000' },
        {
          message: '"000000000000" is not a valid national ID: it must be 12 digits, not starting with 0.',
          extensions: { code: 'INVALID_NATIONAL_ID', argument: 'input.holderNationalId' },
        },
      ],
    ];
    it.each(cases)('%s', async (_name, input, error) => {
      const before = await requestCount();
      const res = await callSubgraph(sg.url, VERIFY_SHORT, { input }, DEGREE_VERIFIER);
      expect(res.body).toEqual({
        data: null,
        errors: [{ ...error, path: ['verifyAcademicDocument'], locations: expect.any(Array) }],
      });
      expect(await requestCount()).toBe(before);
    });

    it('refuses a caller without the verification scope, and records nothing', async () => {
      const before = await requestCount();
      const res = await callSubgraph(
        sg.url,
        VERIFY_SHORT,
        { input: { serialNumber: records[0]!.serialNumber } },
        testCaller([S.documentRead, S.verificationRead]),
      );
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Mutation.verifyAcademicDocument needs scope highered.verification:write.',
            path: ['verifyAcademicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.verificationWrite] },
          },
        ],
      });
      expect(await requestCount()).toBe(before);
    });
  });

  it('answers a caller with only the verification scope, but not the document itself', async () => {
    const r = active();
    const res = await callSubgraph(
      sg.url,
      'mutation($s: String!) { verifyAcademicDocument(input: { serialNumber: $s }) { outcome academicDocument { id } } }',
      { s: r.serialNumber },
      testCaller([S.verificationWrite]),
    );
    expect(res.body).toEqual({
      data: { verifyAcademicDocument: { outcome: 'ISSUED', academicDocument: null } },
      errors: [
        {
          message: 'IssuanceVerification.academicDocument needs scope highered.document:read.',
          path: ['verifyAcademicDocument', 'academicDocument'],
          locations: expect.any(Array),
          extensions: { code: 'FORBIDDEN', missingScopes: [S.documentRead] },
        },
      ],
    });
    expect(res.extensions).toEqual(subjects([r.holderNationalId]));
  });

  describe('revocation', () => {
    it('takes effect at once: the next verification answers REVOKED with the reason', async () => {
      const r = active();
      const reason = 'ثبوت تزوير الشهادة بقرار اللجنة التحقيقية (forged degree)';
      const res = await callSubgraph(sg.url, REVOKE, { id: r.id, reason: `  ${reason} ` }, REGISTRAR);
      expect(res.body).toEqual({
        data: {
          revokeAcademicDocument: {
            id: r.id,
            status: 'REVOKED',
            revokedAt: expect.stringMatching(ISO),
            revocationReason: reason,
          },
        },
      });
      expect(res.extensions).toEqual(subjects([r.holderNationalId]));
      const revokedAt = (res.body.data!.revokeAcademicDocument as { revokedAt: string }).revokedAt;
      const verified = await callSubgraph(
        sg.url,
        VERIFY_SHORT,
        { input: { serialNumber: r.serialNumber, holderNationalId: r.holderNationalId } },
        DEGREE_VERIFIER,
      );
      expect(verified.body).toEqual({
        data: {
          verifyAcademicDocument: {
            outcome: 'REVOKED',
            mismatchedFields: [],
            reasonDetails: [
              { code: 'ISSUED_BY_UNIVERSITY' },
              { code: 'HOLDER_MATCHES' },
              { code: 'REVOKED' },
            ],
          },
        },
      });
      expect(verified.extensions).toEqual(subjects([r.holderNationalId]));

      // Revoking it again is refused and changes nothing.
      const again = await callSubgraph(sg.url, REVOKE, { id: r.id, reason: 'another reason' }, REGISTRAR);
      expect(again.body).toEqual({
        data: null,
        errors: [
          {
            message: `Academic document ${r.id} is REVOKED; only an ACTIVE document can be revoked.`,
            path: ['revokeAcademicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'INVALID_STATE_TRANSITION', from: 'REVOKED', to: 'REVOKED' },
          },
        ],
      });
      expect(await stored(r.id)).toMatchObject({ status: 'REVOKED', revokedAt, revocationReason: reason });
    });

    it('refuses an unknown document, an empty reason and a caller without the revoke scope, changing nothing', async () => {
      const r = active();
      const unknown = await callSubgraph(sg.url, REVOKE, { id: 'AD-999999', reason: 'forged' }, REGISTRAR);
      expect(unknown.body).toEqual({
        data: null,
        errors: [
          {
            message: 'No academic document "AD-999999"; IDs look like AD-000001.',
            path: ['revokeAcademicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'NOT_FOUND', argument: 'id' },
          },
        ],
      });
      const empty = await callSubgraph(sg.url, REVOKE, { id: r.id, reason: '   ' }, REGISTRAR);
      expect(empty.body).toEqual({
        data: null,
        errors: [
          {
            message: 'A revocation needs a reason; it is told to every later verification.',
            path: ['revokeAcademicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
          },
        ],
      });
      const forbidden = await callSubgraph(sg.url, REVOKE, { id: r.id, reason: 'forged' }, DEGREE_VERIFIER);
      expect(forbidden.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Mutation.revokeAcademicDocument needs scope highered.document:revoke.',
            path: ['revokeAcademicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.documentRevoke] },
          },
        ],
      });
      expect(await stored(r.id)).toMatchObject({ status: 'ACTIVE', revokedAt: null, revocationReason: null });
    });
  });

  describe('the verification log', () => {
    const LOG = `query($f: VerificationRequestFilter, $first: Int, $after: String) {
      verificationRequests(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id requestedByClient requestedByAgency outcome university { id } academicDocument { id } } }
      } }`;
    type Log = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        node: {
          id: string;
          requestedByClient: string;
          requestedByAgency: string;
          outcome: string;
          university: { id: string } | null;
        };
      }[];
    };
    const log = async (
      caller: Parameters<typeof callSubgraph>[3],
      f?: Record<string, unknown>,
      first = 100,
    ) => {
      const res = await callSubgraph(sg.url, LOG, { f, first }, caller);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.verificationRequests as Log;
    };

    it('the ministry sees every request, oldest first', async () => {
      const all = await log(REGISTRAR);
      expect(all.totalCount).toBe(await requestCount());
      expect(all.totalCount).toBeGreaterThan(60);
      const ids = all.edges.map((e) => e.node.id);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(all.edges.map((e) => e.node.requestedByAgency))).toEqual(
        // The seeded history's agencies, and this file's own callers (MOI, and NDC for testCaller).
        new Set(['MOI', 'MOH', 'MOP', 'MOLSA', 'NDC']),
      );
    });

    it('any other agency’s client sees only the requests it made', async () => {
      const mine = await log(DEGREE_VERIFIER);
      expect(mine.totalCount).toBe(
        await em().count(VerificationRequest, { requestedByClient: 'degree-verifier' }),
      );
      expect(mine.totalCount).toBeGreaterThan(5);
      expect(mine.edges.every((e) => e.node.requestedByClient === 'degree-verifier')).toBe(true);
      const stranger = await log(callerOf([S.verificationRead], 'mop-auditor', 'MOP'));
      expect(stranger).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
      });
    });

    it('a university’s requests and outcomes, filtered', async () => {
      const baghdad = await log(REGISTRAR, { universityCode: 'UNI-01' });
      expect(baghdad.totalCount).toBeGreaterThan(0);
      expect(baghdad.edges.every((e) => e.node.university?.id === 'UNI-01')).toBe(true);
      expect(baghdad.edges.some((e) => e.node.outcome === 'NOT_FOUND')).toBe(true);
      const notFound = await log(REGISTRAR, { outcome: 'NOT_FOUND' });
      expect(notFound.edges.map((e) => e.node.outcome)).toEqual(notFound.edges.map(() => 'NOT_FOUND'));
      expect(notFound.totalCount).toBe(
        await em().count(VerificationRequest, { outcome: 'NOT_FOUND' as never }),
      );
      const page = await log(REGISTRAR, undefined, 10);
      expect(page.edges).toHaveLength(10);
      expect(page.pageInfo.hasNextPage).toBe(true);
    });

    it('refuses the log without the read scope', async () => {
      const res = await callSubgraph(sg.url, LOG, {}, testCaller([S.verificationWrite]));
      expect(res.body).toEqual({
        data: { verificationRequests: null },
        errors: [
          {
            message: 'Query.verificationRequests needs scope highered.verification:read.',
            path: ['verificationRequests'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.verificationRead] },
          },
        ],
      });
    });
  });
});
