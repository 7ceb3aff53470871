import { demoCitizens } from './citizens';
import { Random, seedOf } from './random';
import { UNIVERSITIES } from './reference-data';

/**
 * The demo academic records, generated the same way by higher-education (which owns them) and
 * documents (which holds each one as a secured document signed by its university), so the two
 * agree on every ID, holder, serial number and content without sharing a database.
 */
export type AcademicDocumentKind = 'DIPLOMA' | 'BACHELOR' | 'MASTER' | 'DOCTORATE' | 'TRANSCRIPT';

export interface Specialization {
  readonly code: string;
  readonly ar: string;
  readonly en: string;
}

export const SPECIALIZATIONS: readonly Specialization[] = [
  { code: 'CIVIL_ENG', ar: 'الهندسة المدنية', en: 'Civil Engineering' },
  { code: 'ELEC_ENG', ar: 'الهندسة الكهربائية', en: 'Electrical Engineering' },
  { code: 'COMP_SCI', ar: 'علوم الحاسوب', en: 'Computer Science' },
  { code: 'MEDICINE', ar: 'الطب والجراحة العامة', en: 'Medicine and General Surgery' },
  { code: 'PHARMACY', ar: 'الصيدلة', en: 'Pharmacy' },
  { code: 'LAW', ar: 'القانون', en: 'Law' },
  { code: 'ACCOUNTING', ar: 'المحاسبة', en: 'Accounting' },
  { code: 'BUS_ADMIN', ar: 'إدارة الأعمال', en: 'Business Administration' },
  { code: 'ARABIC', ar: 'اللغة العربية', en: 'Arabic Language' },
  { code: 'ENGLISH', ar: 'اللغة الإنكليزية', en: 'English Language' },
  { code: 'PHYSICS', ar: 'الفيزياء', en: 'Physics' },
  { code: 'CHEMISTRY', ar: 'الكيمياء', en: 'Chemistry' },
  { code: 'AGRICULTURE', ar: 'العلوم الزراعية', en: 'Agricultural Sciences' },
  { code: 'WATER_RES_ENG', ar: 'هندسة الموارد المائية', en: 'Water Resources Engineering' },
  { code: 'EDUCATION', ar: 'العلوم التربوية والنفسية', en: 'Educational and Psychological Sciences' },
];

/** Iraqi grade bands (تقدير) by average. */
export function gradeBand(average: number): { ar: string; en: string } {
  if (average >= 90) return { ar: 'امتياز', en: 'Excellent' };
  if (average >= 80) return { ar: 'جيد جداً', en: 'Very good' };
  if (average >= 70) return { ar: 'جيد', en: 'Good' };
  if (average >= 60) return { ar: 'متوسط', en: 'Fair' };
  return { ar: 'مقبول', en: 'Pass' };
}

export interface DemoUniversity {
  readonly code: string;
  readonly ar: string;
  readonly en: string;
  readonly governorate: string;
}

export const DEMO_UNIVERSITIES: readonly DemoUniversity[] = UNIVERSITIES.map((u, i) => ({
  code: `UNI-${String(i + 1).padStart(2, '0')}`,
  ...u,
}));

/** Universities' signing keys were rotated on this date: documents before it are under key 1. */
export const KEY_ROTATION_DATE = '2022-01-01';

export interface DemoAcademicRecord {
  readonly id: string;
  /** The secured document that carries it, in the documents subgraph. */
  readonly documentId: string;
  readonly holderNationalId: string;
  readonly universityCode: string;
  readonly kind: AcademicDocumentKind;
  readonly specialization: Specialization;
  readonly graduationYear: number;
  /** Average out of 100, one decimal. */
  readonly gradeAverage: number;
  readonly serialNumber: string;
  /** ISO date the university issued it. */
  readonly issuedAt: string;
  /** 1 before KEY_ROTATION_DATE, 2 after. */
  readonly keyGeneration: 1 | 2;
  readonly revoked: { readonly reason: string; readonly at: string } | null;
  /** A forged copy exists for the demo: a presented copy with a changed grade. */
  readonly tamperedCopy: boolean;
}

let cache: DemoAcademicRecord[] | undefined;

export function demoAcademicRecords(): readonly DemoAcademicRecord[] {
  if (cache) return cache;
  const rnd = new Random(seedOf('academic-records'));
  const out: DemoAcademicRecord[] = [];
  const serials = new Map<string, number>();
  const add = (
    holder: string,
    kind: AcademicDocumentKind,
    spec: Specialization,
    uni: DemoUniversity,
    year: number,
  ) => {
    const n = out.length + 1;
    const serial = (serials.get(uni.code) ?? 0) + 1;
    serials.set(uni.code, serial);
    const issuedAt = `${year}-${String(rnd.int(7, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const revoked =
      rnd.chance(0.015) && kind !== 'TRANSCRIPT'
        ? {
            reason: 'ثبوت تزوير وثيقة الدراسة الإعدادية (forged secondary-school certificate)',
            at: '2025-03-15',
          }
        : null;
    out.push({
      id: `AD-${String(n).padStart(6, '0')}`,
      documentId: `DOC-${String(n).padStart(6, '0')}`,
      holderNationalId: holder,
      universityCode: uni.code,
      kind,
      specialization: spec,
      graduationYear: year,
      gradeAverage: Math.round((55 + rnd.next() * 43) * 10) / 10,
      serialNumber: `${uni.code}-${year}-${String(serial).padStart(5, '0')}`,
      issuedAt,
      keyGeneration: issuedAt < KEY_ROTATION_DATE ? 1 : 2,
      revoked,
      tamperedCopy: !revoked && rnd.chance(0.004),
    });
  };
  for (const c of demoCitizens()) {
    const born = Number(c.birthDate.slice(0, 4));
    if (born > 2002 || born < 1950 || !rnd.chance(0.85)) continue;
    // A graduate has a degree and its transcript; some go on to postgraduate study.
    for (let degree = 0; degree < 1 + (rnd.chance(0.7) ? 1 : 0) + (rnd.chance(0.6) ? 1 : 0); degree++) {
      const spec = rnd.pick(SPECIALIZATIONS);
      const uni = rnd.pick(DEMO_UNIVERSITIES);
      const year = Math.min(2026, born + 22 + rnd.int(0, 6) + degree * 3);
      const kind: AcademicDocumentKind = rnd.chance(0.12) ? 'DIPLOMA' : 'BACHELOR';
      add(c.nationalId, kind, spec, uni, year);
      add(c.nationalId, 'TRANSCRIPT', spec, uni, year);
      if (kind === 'BACHELOR' && born + 26 <= 2026 && rnd.chance(0.25)) {
        const masterYear = Math.min(2026, year + rnd.int(2, 4));
        add(c.nationalId, 'MASTER', spec, rnd.pick(DEMO_UNIVERSITIES), masterYear);
        if (born + 31 <= 2026 && rnd.chance(0.3)) {
          add(
            c.nationalId,
            'DOCTORATE',
            spec,
            rnd.pick(DEMO_UNIVERSITIES),
            Math.min(2026, masterYear + rnd.int(3, 5)),
          );
        }
      }
    }
  }
  cache = out;
  return out;
}
