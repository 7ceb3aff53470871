import { AcademicDocumentKind, AcademicDocumentStatus } from '../entities/enums';
import {
  type AdmissionRuleSpec,
  type CandidateDocument,
  evaluateBackgroundConsistency,
} from '../rules/background-consistency.rules';

const { BACHELOR, MASTER, DIPLOMA, TRANSCRIPT } = AcademicDocumentKind;
const { ACTIVE, REVOKED } = AcademicDocumentStatus;

const PROGRAM = { id: 'PGP-001', name: 'ماجستير الهندسة المدنية', nameEn: 'Master in Civil Engineering' };
const RULE: AdmissionRuleSpec = {
  id: 'PGP-001-R1',
  acceptedSpecializationCodes: ['CIVIL_ENG', 'WATER_RES_ENG'],
  acceptedPriorDegrees: [BACHELOR],
  minimumGradeAverage: 65,
  maxYearsSinceGraduation: 10,
};
const YEAR = 2026;

const doc = (overrides: Partial<CandidateDocument> = {}): CandidateDocument => ({
  id: 'AD-000100',
  kind: BACHELOR,
  specializationCode: 'CIVIL_ENG',
  graduationYear: 2020,
  gradeAverage: 72.5,
  status: ACTIVE,
  revokedAt: null,
  ...overrides,
});

const evaluate = (documents: CandidateDocument[], rules: AdmissionRuleSpec[] = [RULE]) =>
  evaluateBackgroundConsistency(PROGRAM, rules, documents, YEAR);

describe('background consistency (pure rules)', () => {
  it('is consistent when a document meets every condition of a rule, and says which', () => {
    const d = doc();
    expect(evaluate([d])).toEqual({
      consistent: true,
      matchedDocument: d,
      matchedRule: RULE,
      closestDocument: null,
      reasons: [
        {
          code: 'CONSISTENT',
          ar: 'الوثيقة AD-000100 (بكالوريوس في الهندسة المدنية، 2020) تستوفي قاعدة القبول PGP-001-R1 لبرنامج ماجستير الهندسة المدنية.',
          en: 'Document AD-000100 (Bachelor in Civil Engineering, 2020) meets admission rule PGP-001-R1 of program Master in Civil Engineering.',
        },
      ],
    });
  });

  it('accepts a grade exactly at the minimum and graduation exactly at the limit', () => {
    expect(evaluate([doc({ gradeAverage: 65, graduationYear: 2016 })]).consistent).toBe(true);
  });

  it('NO_DOCUMENTS: no prior degree at all (transcripts do not count)', () => {
    expect(evaluate([doc({ kind: TRANSCRIPT })])).toEqual({
      consistent: false,
      matchedDocument: null,
      matchedRule: null,
      closestDocument: null,
      reasons: [
        {
          code: 'NO_DOCUMENTS',
          ar: 'لا توجد للمتقدم شهادة مسجلة لدى وزارة التعليم العالي والبحث العلمي.',
          en: 'The applicant has no degree recorded by the Ministry of Higher Education and Scientific Research.',
        },
      ],
    });
    expect(evaluate([]).reasons.map((r) => r.code)).toEqual(['NO_DOCUMENTS']);
  });

  it('SPECIALIZATION_NOT_ACCEPTED names the accepted specializations', () => {
    const d = doc({ specializationCode: 'LAW' });
    expect(evaluate([d])).toEqual({
      consistent: false,
      matchedDocument: null,
      matchedRule: null,
      closestDocument: d,
      reasons: [
        {
          code: 'SPECIALIZATION_NOT_ACCEPTED',
          ar: 'تخصص الوثيقة AD-000100 (بكالوريوس في القانون، 2020) ليس من التخصصات المقبولة: الهندسة المدنية، هندسة الموارد المائية.',
          en: 'The specialization of AD-000100 (Bachelor in Law, 2020) is not among those accepted: Civil Engineering, Water Resources Engineering.',
        },
      ],
    });
  });

  it('DEGREE_KIND_NOT_ACCEPTED names the accepted prior degrees', () => {
    expect(evaluate([doc({ kind: DIPLOMA })]).reasons).toEqual([
      {
        code: 'DEGREE_KIND_NOT_ACCEPTED',
        ar: 'الشهادة AD-000100 (دبلوم في الهندسة المدنية، 2020) ليست من الشهادات السابقة المقبولة: بكالوريوس.',
        en: 'The degree of AD-000100 (Diploma in Civil Engineering, 2020) is not an accepted prior degree: Bachelor.',
      },
    ]);
  });

  it('GRADE_BELOW_MINIMUM states the minimum, never the applicant’s grade', () => {
    const reasons = evaluate([doc({ gradeAverage: 64.9 })]).reasons;
    expect(reasons).toEqual([
      {
        code: 'GRADE_BELOW_MINIMUM',
        ar: 'معدل الوثيقة AD-000100 (بكالوريوس في الهندسة المدنية، 2020) أدنى من الحد الأدنى المطلوب (65).',
        en: 'The grade average of AD-000100 (Bachelor in Civil Engineering, 2020) is below the required minimum (65).',
      },
    ]);
    expect(JSON.stringify(reasons)).not.toContain('64.9');
  });

  it('DOCUMENT_REVOKED: a revoked degree does not count, with the date', () => {
    expect(evaluate([doc({ status: REVOKED, revokedAt: '2025-03-15T00:00:00.000Z' })]).reasons).toEqual([
      {
        code: 'DOCUMENT_REVOKED',
        ar: 'الوثيقة AD-000100 (بكالوريوس في الهندسة المدنية، 2020) ملغاة منذ 2025-03-15.',
        en: 'Document AD-000100 (Bachelor in Civil Engineering, 2020) is revoked since 2025-03-15.',
      },
    ]);
  });

  it('GRADUATED_TOO_LONG_AGO counts years to the evaluation year', () => {
    expect(evaluate([doc({ graduationYear: 2015 })]).reasons).toEqual([
      {
        code: 'GRADUATED_TOO_LONG_AGO',
        ar: 'مضى على التخرج في الوثيقة AD-000100 (بكالوريوس في الهندسة المدنية، 2015) 11 سنة، والحد الأعلى 10 سنوات.',
        en: '11 years have passed since graduating with AD-000100 (Bachelor in Civil Engineering, 2015); the limit is 10.',
      },
    ]);
    expect(
      evaluate([doc({ graduationYear: 1990 })], [{ ...RULE, maxYearsSinceGraduation: null }]).consistent,
    ).toBe(true);
  });

  it('lists every failed condition of the closest document, in a fixed order', () => {
    const d = doc({
      kind: DIPLOMA,
      specializationCode: 'LAW',
      gradeAverage: 50,
      graduationYear: 2000,
      status: REVOKED,
    });
    expect(evaluate([d]).reasons.map((r) => r.code)).toEqual([
      'DOCUMENT_REVOKED',
      'DEGREE_KIND_NOT_ACCEPTED',
      'SPECIALIZATION_NOT_ACCEPTED',
      'GRADE_BELOW_MINIMUM',
      'GRADUATED_TOO_LONG_AGO',
    ]);
  });

  it('reports the document that came closest among several', () => {
    const far = doc({ id: 'AD-000001', kind: DIPLOMA, specializationCode: 'LAW' });
    const near = doc({ id: 'AD-000002', gradeAverage: 60 });
    const verdict = evaluate([far, near]);
    expect(verdict.closestDocument).toBe(near);
    expect(verdict.reasons.map((r) => r.code)).toEqual(['GRADE_BELOW_MINIMUM']);
  });

  it('meeting any one rule is enough; the highest degree is preferred as the match', () => {
    const second: AdmissionRuleSpec = {
      ...RULE,
      id: 'PGP-001-R2',
      acceptedPriorDegrees: [MASTER],
      minimumGradeAverage: 60,
    };
    const bachelor = doc({ id: 'AD-000001' });
    const master = doc({ id: 'AD-000003', kind: MASTER, gradeAverage: 61 });
    const verdict = evaluate([bachelor, master], [RULE, second]);
    expect(verdict).toMatchObject({ consistent: true, matchedDocument: master, matchedRule: second });
    expect(
      evaluate([bachelor, doc({ id: 'AD-000004', kind: MASTER, gradeAverage: 55 })], [RULE, second]),
    ).toMatchObject({ consistent: true, matchedDocument: bachelor, matchedRule: RULE });
  });

  it('NO_ADMISSION_RULES: a program without rules admits nobody, and says so', () => {
    expect(evaluate([doc()], []).reasons).toEqual([
      {
        code: 'NO_ADMISSION_RULES',
        ar: 'لم تحدد للبرنامج ماجستير الهندسة المدنية قواعد قبول بعد.',
        en: 'Program Master in Civil Engineering has no admission rules yet.',
      },
    ]);
  });
});
