import { urError } from '../../../kit/errors/ur-error';
import { assertNationalId } from '../../../kit/graphql/national-id';
import {
  AcademicDocumentKind,
  AcademicDocumentStatus,
  KIND_LABEL,
  VerificationMethod,
  VerificationOutcome,
} from '../entities/enums';
import {
  assertSpecializationCode,
  knownSpecialization,
  SERIAL_NUMBER_EXAMPLE,
  SERIAL_NUMBER_SHAPE,
} from './academic-catalogue';
import type { Reason } from './reason';

/**
 * Issuance verification (صحة صدور): was a presented academic document really issued, and does
 * it still stand? Pure: the resolver finds the document by serial number and records the answer.
 */
export interface PresentedFields {
  readonly kind?: AcademicDocumentKind | null;
  readonly specializationCode?: string | null;
  readonly graduationYear?: number | null;
  readonly gradeAverage?: number | null;
}

export interface VerificationQuestion {
  readonly serialNumber?: string | null;
  readonly verificationCode?: string | null;
  readonly holderNationalId?: string | null;
  readonly presentedFields?: PresentedFields | null;
}

/** The question once validated: one method, one value. */
export interface ValidQuestion {
  readonly method: VerificationMethod;
  readonly value: string;
  readonly holderNationalId: string | null;
  readonly presented: PresentedFields;
}

/** What the ministry knows of the document found, as the answer needs it. */
export interface IssuedFacts {
  readonly id: string;
  readonly serialNumber: string;
  readonly holderNationalId: string;
  readonly kind: AcademicDocumentKind;
  readonly specializationCode: string;
  readonly graduationYear: number;
  readonly gradeAverage: number;
  readonly issuedAt: string;
  readonly status: AcademicDocumentStatus;
  readonly revokedAt?: string | null;
  readonly revocationReason?: string | null;
  readonly universityName: string;
  readonly universityNameEn: string;
}

export interface VerificationAnswer {
  readonly outcome: VerificationOutcome;
  readonly reasons: Reason[];
  readonly mismatchedFields: string[];
}

/**
 * Verification codes as the documents subgraph prints them (kit/secured-documents): 10 Crockford
 * base32 characters in groups, e.g. 7KQ3-M9XD-2F; any case, hyphens and spaces optional, O read
 * as 0 and I or L as 1. Only the shape is checked here: the documents subgraph checks the rest.
 */
export const VERIFICATION_CODE_EXAMPLE = '7KQ3-M9XD-2F';
const CROCKFORD_10 = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** The code in its printed form, or null when the text cannot be one. */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CROCKFORD_10.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/**
 * Checks the question before anything is looked up or recorded: exactly one of serial number and
 * verification code, each well formed, and well-formed presented details. Throws BAD_USER_INPUT
 * (or INVALID_NATIONAL_ID) naming the argument.
 */
export function assertVerificationQuestion(q: VerificationQuestion): ValidQuestion {
  const serial = q.serialNumber?.trim() || null;
  const code = q.verificationCode?.trim() || null;
  if ((serial === null) === (code === null)) {
    throw urError(
      'BAD_USER_INPUT',
      'Give exactly one of `serialNumber` and `verificationCode` to identify the presented document.',
      { argument: 'input' },
    );
  }
  if (serial !== null && !SERIAL_NUMBER_SHAPE.test(serial)) {
    throw urError(
      'BAD_USER_INPUT',
      `"${serial}" is not a serial number: it must look like ${SERIAL_NUMBER_EXAMPLE} (university code, year, five digits).`,
      { argument: 'input.serialNumber', expected: SERIAL_NUMBER_EXAMPLE },
    );
  }
  const printedCode = code === null ? null : normaliseVerificationCode(code);
  if (code !== null && printedCode === null) {
    throw urError(
      'BAD_USER_INPUT',
      `"${code}" is not a verification code: it must look like ${VERIFICATION_CODE_EXAMPLE} (10 digits and letters, no I, L, O or U).`,
      { argument: 'input.verificationCode', expected: VERIFICATION_CODE_EXAMPLE },
    );
  }
  const holder = q.holderNationalId ? assertNationalId(q.holderNationalId, 'input.holderNationalId') : null;
  const p = q.presentedFields ?? {};
  if (p.specializationCode)
    assertSpecializationCode(p.specializationCode, 'input.presentedFields.specializationCode');
  if (p.graduationYear !== null && p.graduationYear !== undefined) {
    if (!Number.isInteger(p.graduationYear) || p.graduationYear < 1900 || p.graduationYear > 2100) {
      throw urError(
        'BAD_USER_INPUT',
        `Graduation year ${p.graduationYear} is not a year between 1900 and 2100.`,
        {
          argument: 'input.presentedFields.graduationYear',
        },
      );
    }
  }
  if (p.gradeAverage !== null && p.gradeAverage !== undefined) {
    if (!Number.isFinite(p.gradeAverage) || p.gradeAverage < 0 || p.gradeAverage > 100) {
      throw urError('BAD_USER_INPUT', `Grade average ${p.gradeAverage} is not between 0 and 100.`, {
        argument: 'input.presentedFields.gradeAverage',
      });
    }
  }
  return {
    method: serial !== null ? VerificationMethod.SERIAL_NUMBER : VerificationMethod.VERIFICATION_CODE,
    value: (serial ?? printedCode)!,
    holderNationalId: holder,
    presented: {
      kind: p.kind ?? null,
      specializationCode: p.specializationCode || null,
      graduationYear: p.graduationYear ?? null,
      gradeAverage: p.gradeAverage ?? null,
    },
  };
}

const kindAr = (k: AcademicDocumentKind) => KIND_LABEL[k].ar;
const kindEn = (k: AcademicDocumentKind) => KIND_LABEL[k].en;
const tenths = (n: number) => Math.round(n * 10);

/** The answer when a serial number names no issued document. */
export function notFound(
  serial: string,
  university: { name: string; nameEn: string } | null,
): VerificationAnswer {
  return {
    outcome: VerificationOutcome.NOT_FOUND,
    mismatchedFields: [],
    reasons: [
      university
        ? {
            code: 'SERIAL_NOT_ISSUED',
            ar: `لم تصدر ${university.name} أي وثيقة بالرقم التسلسلي ${serial}.`,
            en: `${university.nameEn} issued no document with serial number ${serial}.`,
          }
        : {
            code: 'UNKNOWN_UNIVERSITY',
            ar: `لا توجد جامعة معترف بها بالرمز الوارد في الرقم التسلسلي ${serial}.`,
            en: `No recognised university has the code in serial number ${serial}.`,
          },
    ],
  };
}

/** The answer when a verification code is asked: the documents subgraph holds and checks codes. */
export function referToDocuments(): VerificationAnswer {
  return {
    outcome: VerificationOutcome.REFER_TO_DOCUMENTS,
    mismatchedFields: [],
    reasons: [
      {
        code: 'CODE_CHECKED_BY_DOCUMENTS',
        ar: 'رموز التحقق تتحقق منها منظومة الوثائق المؤمنة لدى مركز البيانات الوطني: استعمل verifyDocument(code) في البيان الوطني، ثم اطلب صحة الصدور بالرقم التسلسلي.',
        en: 'Verification codes are checked by the National Data Center’s secured documents: ask verifyDocument(code) of the national graph, then ask for issuance verification by serial number.',
      },
    ],
  };
}

/**
 * The answer for a found document: REVOKED when revoked, MISMATCH when any presented detail
 * (or the holder) differs, else ISSUED. Every answer says what was issued, by whom and when.
 */
export function verifyIssued(doc: IssuedFacts, q: ValidQuestion): VerificationAnswer {
  const spec = knownSpecialization(doc.specializationCode);
  const reasons: Reason[] = [
    {
      code: 'ISSUED_BY_UNIVERSITY',
      ar: `الوثيقة (${kindAr(doc.kind)} في ${spec.ar} لسنة ${doc.graduationYear}) ذات الرقم التسلسلي ${doc.serialNumber} صادرة عن ${doc.universityName} بتاريخ ${doc.issuedAt}.`,
      en: `The document (${kindEn(doc.kind)} in ${spec.en}, ${doc.graduationYear}) with serial number ${doc.serialNumber} was issued by ${doc.universityNameEn} on ${doc.issuedAt}.`,
    },
  ];
  const mismatched: string[] = [];
  const p = q.presented;
  if (q.holderNationalId !== null) {
    if (q.holderNationalId === doc.holderNationalId) {
      reasons.push({
        code: 'HOLDER_MATCHES',
        ar: 'صاحب الوثيقة هو صاحب الرقم الوطني المقدم.',
        en: 'It was issued to the holder of the national ID presented.',
      });
    } else {
      mismatched.push('holderNationalId');
      reasons.push({
        code: 'HOLDER_MISMATCH',
        ar: `الوثيقة غير صادرة لصاحب الرقم الوطني المقدم (${q.holderNationalId}).`,
        en: `It was not issued to the holder of the national ID presented (${q.holderNationalId}).`,
      });
    }
  }
  if (p.kind && p.kind !== doc.kind) {
    mismatched.push('kind');
    reasons.push({
      code: 'KIND_MISMATCH',
      ar: `نوع الوثيقة المقدمة (${kindAr(p.kind)}) يخالف الصادر (${kindAr(doc.kind)}).`,
      en: `The kind presented (${kindEn(p.kind)}) differs from the one issued (${kindEn(doc.kind)}).`,
    });
  }
  if (p.specializationCode && p.specializationCode !== doc.specializationCode) {
    const presented = knownSpecialization(p.specializationCode);
    mismatched.push('specializationCode');
    reasons.push({
      code: 'SPECIALIZATION_MISMATCH',
      ar: `التخصص المقدم (${presented.ar}) يخالف الصادر (${spec.ar}).`,
      en: `The specialization presented (${presented.en}) differs from the one issued (${spec.en}).`,
    });
  }
  if (
    p.graduationYear !== null &&
    p.graduationYear !== undefined &&
    p.graduationYear !== doc.graduationYear
  ) {
    mismatched.push('graduationYear');
    reasons.push({
      code: 'GRADUATION_YEAR_MISMATCH',
      ar: `سنة التخرج المقدمة (${p.graduationYear}) تخالف الصادرة (${doc.graduationYear}).`,
      en: `The graduation year presented (${p.graduationYear}) differs from the one issued (${doc.graduationYear}).`,
    });
  }
  if (
    p.gradeAverage !== null &&
    p.gradeAverage !== undefined &&
    tenths(p.gradeAverage) !== tenths(doc.gradeAverage)
  ) {
    // The issued grade is not told: the caller may not have the grade scope.
    mismatched.push('gradeAverage');
    reasons.push({
      code: 'GRADE_MISMATCH',
      ar: `المعدل المقدم (${p.gradeAverage}) يخالف المعدل الصادر في الوثيقة.`,
      en: `The grade average presented (${p.gradeAverage}) differs from the one issued.`,
    });
  }
  const presentedAny = p.kind || p.specializationCode || p.graduationYear != null || p.gradeAverage != null;
  if (presentedAny && !mismatched.some((f) => f !== 'holderNationalId')) {
    reasons.push({
      code: 'DETAILS_MATCH',
      ar: 'التفاصيل المقدمة مطابقة للوثيقة الصادرة.',
      en: 'The details presented match the document as issued.',
    });
  }
  if (doc.status === AcademicDocumentStatus.REVOKED) {
    const on = doc.revokedAt ? doc.revokedAt.slice(0, 10) : '';
    reasons.push({
      code: 'REVOKED',
      ar: `ألغيت الوثيقة بتاريخ ${on}، والسبب: ${doc.revocationReason ?? ''}`,
      en: `It was revoked on ${on}; the reason given: ${doc.revocationReason ?? ''}`,
    });
    return { outcome: VerificationOutcome.REVOKED, reasons, mismatchedFields: mismatched };
  }
  if (mismatched.length)
    return { outcome: VerificationOutcome.MISMATCH, reasons, mismatchedFields: mismatched };
  reasons.push({
    code: 'STANDS',
    ar: 'الوثيقة نافذة ولم تُلغَ.',
    en: 'It stands: it has not been revoked.',
  });
  return { outcome: VerificationOutcome.ISSUED, reasons, mismatchedFields: [] };
}
