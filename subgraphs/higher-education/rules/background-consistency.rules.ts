import { AcademicDocumentKind, AcademicDocumentStatus, KIND_LABEL } from '../entities/enums';
import { knownSpecialization } from './academic-catalogue';
import type { Reason } from './reason';

/**
 * Background consistency (انسجام الخلفية): does an applicant's prior academic record fit a
 * postgraduate program's admission rules? Pure: the resolver loads the program, its rules and the
 * applicant's documents, and this decides.
 */
export interface CandidateDocument {
  readonly id: string;
  readonly kind: AcademicDocumentKind;
  readonly specializationCode: string;
  readonly graduationYear: number;
  readonly gradeAverage: number;
  readonly status: AcademicDocumentStatus;
  readonly revokedAt?: string | null;
}

export interface AdmissionRuleSpec {
  readonly id: string;
  readonly acceptedSpecializationCodes: readonly string[];
  readonly acceptedPriorDegrees: readonly AcademicDocumentKind[];
  readonly minimumGradeAverage: number;
  readonly maxYearsSinceGraduation?: number | null;
}

export interface ProgramSpec {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface ConsistencyVerdict<D extends CandidateDocument, R extends AdmissionRuleSpec> {
  readonly consistent: boolean;
  /** The document that satisfies a rule (null when not consistent). */
  readonly matchedDocument: D | null;
  readonly matchedRule: R | null;
  /** When not consistent: the document that came closest (fewest failed conditions), if any. */
  readonly closestDocument: D | null;
  /** Why: the match, or each condition the closest document fails. */
  readonly reasons: Reason[];
}

/** Stable codes of the reasons an applicant's background is not consistent. */
export const CONSISTENCY_REASONS = [
  'NO_DOCUMENTS',
  'NO_ADMISSION_RULES',
  'DOCUMENT_REVOKED',
  'DEGREE_KIND_NOT_ACCEPTED',
  'SPECIALIZATION_NOT_ACCEPTED',
  'GRADE_BELOW_MINIMUM',
  'GRADUATED_TOO_LONG_AGO',
] as const;

const RANK: Record<AcademicDocumentKind, number> = {
  DOCTORATE: 4,
  MASTER: 3,
  BACHELOR: 2,
  DIPLOMA: 1,
  TRANSCRIPT: 0,
};

const describe = (d: CandidateDocument) => {
  const spec = knownSpecialization(d.specializationCode);
  const kind = KIND_LABEL[d.kind];
  return {
    ar: `${d.id} (${kind.ar} في ${spec.ar}، ${d.graduationYear})`,
    en: `${d.id} (${kind.en} in ${spec.en}, ${d.graduationYear})`,
  };
};

const listAr = (items: string[]) => items.join('، ');
const listEn = (items: string[]) => items.join(', ');

/** Every condition of `rule` that `doc` fails, in a fixed order. */
export function failedConditions(
  doc: CandidateDocument,
  rule: AdmissionRuleSpec,
  currentYear: number,
): Reason[] {
  const out: Reason[] = [];
  const d = describe(doc);
  if (doc.status === AcademicDocumentStatus.REVOKED) {
    const since = doc.revokedAt ? doc.revokedAt.slice(0, 10) : null;
    out.push({
      code: 'DOCUMENT_REVOKED',
      ar: `الوثيقة ${d.ar} ملغاة${since ? ` منذ ${since}` : ''}.`,
      en: `Document ${d.en} is revoked${since ? ` since ${since}` : ''}.`,
    });
  }
  if (!rule.acceptedPriorDegrees.includes(doc.kind)) {
    const accepted = rule.acceptedPriorDegrees.map((k) => KIND_LABEL[k]);
    out.push({
      code: 'DEGREE_KIND_NOT_ACCEPTED',
      ar: `الشهادة ${d.ar} ليست من الشهادات السابقة المقبولة: ${listAr(accepted.map((k) => k.ar))}.`,
      en: `The degree of ${d.en} is not an accepted prior degree: ${listEn(accepted.map((k) => k.en))}.`,
    });
  }
  if (!rule.acceptedSpecializationCodes.includes(doc.specializationCode)) {
    const accepted = rule.acceptedSpecializationCodes.map(knownSpecialization);
    out.push({
      code: 'SPECIALIZATION_NOT_ACCEPTED',
      ar: `تخصص الوثيقة ${d.ar} ليس من التخصصات المقبولة: ${listAr(accepted.map((s) => s.ar))}.`,
      en: `The specialization of ${d.en} is not among those accepted: ${listEn(accepted.map((s) => s.en))}.`,
    });
  }
  if (doc.gradeAverage < rule.minimumGradeAverage) {
    out.push({
      code: 'GRADE_BELOW_MINIMUM',
      ar: `معدل الوثيقة ${d.ar} أدنى من الحد الأدنى المطلوب (${rule.minimumGradeAverage}).`,
      en: `The grade average of ${d.en} is below the required minimum (${rule.minimumGradeAverage}).`,
    });
  }
  const max = rule.maxYearsSinceGraduation;
  if (max !== null && max !== undefined && currentYear - doc.graduationYear > max) {
    const years = currentYear - doc.graduationYear;
    out.push({
      code: 'GRADUATED_TOO_LONG_AGO',
      ar: `مضى على التخرج في الوثيقة ${d.ar} ${years} سنة، والحد الأعلى ${max} سنوات.`,
      en: `${years} years have passed since graduating with ${d.en}; the limit is ${max}.`,
    });
  }
  return out;
}

/**
 * Consistent when some prior document (transcripts do not count: they accompany a degree) meets
 * every condition of some rule. The match preferred is the highest degree, then the most recent,
 * then the program's first rule. When none matches, the closest pair's failures are the reasons.
 */
export function evaluateBackgroundConsistency<D extends CandidateDocument, R extends AdmissionRuleSpec>(
  program: ProgramSpec,
  rules: readonly R[],
  documents: readonly D[],
  currentYear: number,
): ConsistencyVerdict<D, R> {
  const candidates = documents.filter((d) => d.kind !== AcademicDocumentKind.TRANSCRIPT);
  if (!candidates.length) {
    return {
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
    };
  }
  if (!rules.length) {
    return {
      consistent: false,
      matchedDocument: null,
      matchedRule: null,
      closestDocument: null,
      reasons: [
        {
          code: 'NO_ADMISSION_RULES',
          ar: `لم تحدد للبرنامج ${program.name} قواعد قبول بعد.`,
          en: `Program ${program.nameEn} has no admission rules yet.`,
        },
      ],
    };
  }
  const ordered = [...candidates].sort(
    (a, b) =>
      RANK[b.kind] - RANK[a.kind] ||
      b.graduationYear - a.graduationYear ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let best: { doc: D; rule: R; failures: Reason[] } | undefined;
  for (const doc of ordered) {
    for (const rule of rules) {
      const failures = failedConditions(doc, rule, currentYear);
      if (!best || failures.length < best.failures.length) best = { doc, rule, failures };
    }
  }
  // `ordered` and `rules` are non-empty, so there is a best pair.
  const { doc, rule, failures } = best!;
  if (!failures.length) {
    const d = describe(doc);
    return {
      consistent: true,
      matchedDocument: doc,
      matchedRule: rule,
      closestDocument: null,
      reasons: [
        {
          code: 'CONSISTENT',
          ar: `الوثيقة ${d.ar} تستوفي قاعدة القبول ${rule.id} لبرنامج ${program.name}.`,
          en: `Document ${d.en} meets admission rule ${rule.id} of program ${program.nameEn}.`,
        },
      ],
    };
  }
  return {
    consistent: false,
    matchedDocument: null,
    matchedRule: null,
    closestDocument: doc,
    reasons: failures,
  };
}
