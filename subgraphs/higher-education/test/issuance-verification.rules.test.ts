import { AcademicDocumentKind, AcademicDocumentStatus, VerificationMethod } from '../entities/enums';
import {
  assertVerificationQuestion,
  type IssuedFacts,
  normaliseVerificationCode,
  notFound,
  referToDocuments,
  verifyIssued,
} from '../rules/issuance-verification.rules';

const HOLDER = '219803163019';
// A valid national ID (check digit right) that is not the holder's.
const OTHER = '119750000018';

const FACTS: IssuedFacts = {
  id: 'AD-000001',
  serialNumber: 'UNI-19-2003-00001',
  holderNationalId: HOLDER,
  kind: AcademicDocumentKind.BACHELOR,
  specializationCode: 'WATER_RES_ENG',
  graduationYear: 2003,
  gradeAverage: 83,
  issuedAt: '2003-12-07',
  status: AcademicDocumentStatus.ACTIVE,
  revokedAt: null,
  revocationReason: null,
  universityName: 'جامعة الفلوجة',
  universityNameEn: 'University of Fallujah',
};

const ISSUED_BY = {
  code: 'ISSUED_BY_UNIVERSITY',
  ar: 'الوثيقة (بكالوريوس في هندسة الموارد المائية لسنة 2003) ذات الرقم التسلسلي UNI-19-2003-00001 صادرة عن جامعة الفلوجة بتاريخ 2003-12-07.',
  en: 'The document (Bachelor in Water Resources Engineering, 2003) with serial number UNI-19-2003-00001 was issued by University of Fallujah on 2003-12-07.',
};
const STANDS = { code: 'STANDS', ar: 'الوثيقة نافذة ولم تُلغَ.', en: 'It stands: it has not been revoked.' };

const ask = (q: Parameters<typeof assertVerificationQuestion>[0]) => assertVerificationQuestion(q);

describe('issuance verification (pure rules)', () => {
  describe('the question', () => {
    it('needs exactly one of serial number and verification code', () => {
      for (const q of [
        {},
        { serialNumber: 'UNI-01-2015-00001', verificationCode: '7KQ3-M9XD-2F' },
        { serialNumber: '  ' },
      ]) {
        expect(() => ask(q)).toThrow(
          expect.objectContaining({
            message:
              'Give exactly one of `serialNumber` and `verificationCode` to identify the presented document.',
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'input' }),
          }),
        );
      }
    });

    it('refuses a malformed serial number, naming the expected shape', () => {
      expect(() => ask({ serialNumber: 'UNI-1-2015-1' })).toThrow(
        expect.objectContaining({
          message:
            '"UNI-1-2015-1" is not a serial number: it must look like UNI-01-2015-00001 (university code, year, five digits).',
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            argument: 'input.serialNumber',
            expected: 'UNI-01-2015-00001',
          }),
        }),
      );
    });

    it('reads a verification code as printed, in any case, and refuses a malformed one', () => {
      expect(normaliseVerificationCode('7kq3 m9xd 2f')).toBe('7KQ3-M9XD-2F');
      expect(normaliseVerificationCode('7KQ3-M9XD-2O')).toBe('7KQ3-M9XD-20');
      expect(normaliseVerificationCode('7KQ3-M9XD-2')).toBeNull();
      expect(normaliseVerificationCode('7KQ3-M9XD-2U')).toBeNull();
      expect(ask({ verificationCode: '7kq3m9xd2f' })).toMatchObject({
        method: VerificationMethod.VERIFICATION_CODE,
        value: '7KQ3-M9XD-2F',
      });
      expect(() => ask({ verificationCode: 'not-a-code!' })).toThrow(
        expect.objectContaining({
          message:
            '"not-a-code!" is not a verification code: it must look like 7KQ3-M9XD-2F (10 digits and letters, no I, L, O or U).',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'input.verificationCode' }),
        }),
      );
    });

    it('checks the presented holder and details', () => {
      expect(() => ask({ serialNumber: 'UNI-01-2015-00001', holderNationalId: '123' })).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'INVALID_NATIONAL_ID',
            argument: 'input.holderNationalId',
          }),
        }),
      );
      expect(() =>
        ask({ serialNumber: 'UNI-01-2015-00001', presentedFields: { specializationCode: 'ASTROLOGY' } }),
      ).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            argument: 'input.presentedFields.specializationCode',
          }),
        }),
      );
      expect(() =>
        ask({ serialNumber: 'UNI-01-2015-00001', presentedFields: { graduationYear: 15 } }),
      ).toThrow(
        expect.objectContaining({
          message: 'Graduation year 15 is not a year between 1900 and 2100.',
          extensions: expect.objectContaining({ argument: 'input.presentedFields.graduationYear' }),
        }),
      );
      expect(() =>
        ask({ serialNumber: 'UNI-01-2015-00001', presentedFields: { gradeAverage: 101 } }),
      ).toThrow(
        expect.objectContaining({
          message: 'Grade average 101 is not between 0 and 100.',
          extensions: expect.objectContaining({ argument: 'input.presentedFields.gradeAverage' }),
        }),
      );
    });
  });

  describe('the answer', () => {
    it('ISSUED: found, standing, and everything presented matches', () => {
      const q = ask({
        serialNumber: FACTS.serialNumber,
        holderNationalId: HOLDER,
        presentedFields: {
          kind: AcademicDocumentKind.BACHELOR,
          specializationCode: 'WATER_RES_ENG',
          graduationYear: 2003,
          gradeAverage: 83.0,
        },
      });
      expect(verifyIssued(FACTS, q)).toEqual({
        outcome: 'ISSUED',
        mismatchedFields: [],
        reasons: [
          ISSUED_BY,
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
          STANDS,
        ],
      });
      expect(verifyIssued(FACTS, ask({ serialNumber: FACTS.serialNumber }))).toEqual({
        outcome: 'ISSUED',
        mismatchedFields: [],
        reasons: [ISSUED_BY, STANDS],
      });
    });

    it('MISMATCH names each differing field and never tells the issued grade', () => {
      const answer = verifyIssued(
        FACTS,
        ask({
          serialNumber: FACTS.serialNumber,
          holderNationalId: OTHER,
          presentedFields: {
            kind: AcademicDocumentKind.MASTER,
            specializationCode: 'CIVIL_ENG',
            graduationYear: 2004,
            gradeAverage: 95.5,
          },
        }),
      );
      expect(answer.outcome).toBe('MISMATCH');
      expect(answer.mismatchedFields).toEqual([
        'holderNationalId',
        'kind',
        'specializationCode',
        'graduationYear',
        'gradeAverage',
      ]);
      expect(answer.reasons.map((r) => r.code)).toEqual([
        'ISSUED_BY_UNIVERSITY',
        'HOLDER_MISMATCH',
        'KIND_MISMATCH',
        'SPECIALIZATION_MISMATCH',
        'GRADUATION_YEAR_MISMATCH',
        'GRADE_MISMATCH',
      ]);
      expect(answer.reasons[5]).toEqual({
        code: 'GRADE_MISMATCH',
        ar: 'المعدل المقدم (95.5) يخالف المعدل الصادر في الوثيقة.',
        en: 'The grade average presented (95.5) differs from the one issued.',
      });
      expect(JSON.stringify(answer)).not.toContain('83');
    });

    it('REVOKED wins over matching details, with the date and the reason', () => {
      const revoked = {
        ...FACTS,
        status: AcademicDocumentStatus.REVOKED,
        revokedAt: '2025-03-15T00:00:00.000Z',
        revocationReason: 'ثبوت التزوير',
      };
      expect(verifyIssued(revoked, ask({ serialNumber: FACTS.serialNumber }))).toEqual({
        outcome: 'REVOKED',
        mismatchedFields: [],
        reasons: [
          ISSUED_BY,
          {
            code: 'REVOKED',
            ar: 'ألغيت الوثيقة بتاريخ 2025-03-15، والسبب: ثبوت التزوير',
            en: 'It was revoked on 2025-03-15; the reason given: ثبوت التزوير',
          },
        ],
      });
    });

    it('NOT_FOUND says whether the university exists', () => {
      expect(
        notFound('UNI-19-2003-99999', { name: 'جامعة الفلوجة', nameEn: 'University of Fallujah' }),
      ).toEqual({
        outcome: 'NOT_FOUND',
        mismatchedFields: [],
        reasons: [
          {
            code: 'SERIAL_NOT_ISSUED',
            ar: 'لم تصدر جامعة الفلوجة أي وثيقة بالرقم التسلسلي UNI-19-2003-99999.',
            en: 'University of Fallujah issued no document with serial number UNI-19-2003-99999.',
          },
        ],
      });
      expect(notFound('UNI-77-2003-00001', null).reasons.map((r) => r.code)).toEqual(['UNKNOWN_UNIVERSITY']);
    });

    it('REFER_TO_DOCUMENTS for a verification code', () => {
      expect(referToDocuments()).toMatchObject({ outcome: 'REFER_TO_DOCUMENTS', mismatchedFields: [] });
      expect(referToDocuments().reasons[0]!.en).toContain('verifyDocument(code)');
    });
  });
});
