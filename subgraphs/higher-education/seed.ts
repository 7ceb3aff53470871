import type { EntityManager } from '@mikro-orm/core';
import {
  DEMO_UNIVERSITIES,
  demoAcademicRecords,
  type DemoAcademicRecord,
} from '../../kit/demo/academic-records';
import { Random, seedOf } from '../../kit/demo/random';
import { AcademicDocument } from './entities/academic-document.entity';
import { AdmissionRule } from './entities/admission-rule.entity';
import { College } from './entities/college.entity';
import { Department } from './entities/department.entity';
import {
  AcademicDocumentKind,
  AcademicDocumentStatus,
  PostgraduateDegree,
  UniversityType,
  VerificationMethod,
} from './entities/enums';
import { PostgraduateProgram } from './entities/postgraduate-program.entity';
import { University } from './entities/university.entity';
import { VerificationRequest } from './entities/verification-request.entity';
import {
  COLLEGES,
  collegeIdOf,
  departmentIdOf,
  knownSpecialization,
  universityOfSerial,
} from './rules/academic-catalogue';
import {
  assertVerificationQuestion,
  notFound,
  type VerificationAnswer,
  type VerificationQuestion,
  verifyIssued,
} from './rules/issuance-verification.rules';

/** Private universities licensed by the ministry (codes PUNI-…), with the colleges they run. */
export const PRIVATE_UNIVERSITIES = [
  {
    code: 'PUNI-01',
    ar: 'جامعة التراث',
    en: 'Al-Turath University',
    governorate: 'BGD',
    colleges: ['ENG', 'PHARM', 'LAW', 'ADMECO'],
  },
  {
    code: 'PUNI-02',
    ar: 'كلية المنصور الجامعة',
    en: 'Al-Mansour University College',
    governorate: 'BGD',
    colleges: ['ENG', 'SCI', 'ADMECO', 'LAW'],
  },
  {
    code: 'PUNI-03',
    ar: 'جامعة أهل البيت',
    en: 'Ahl Al-Bayt University',
    governorate: 'KRB',
    colleges: ['LAW', 'PHARM', 'ADMECO'],
  },
  {
    code: 'PUNI-04',
    ar: 'الجامعة الإسلامية',
    en: 'The Islamic University',
    governorate: 'NJF',
    colleges: ['LAW', 'ENG', 'MED', 'ADMECO'],
  },
  {
    code: 'PUNI-05',
    ar: 'جامعة الكفيل',
    en: 'Al-Kafeel University',
    governorate: 'NJF',
    colleges: ['ENG', 'PHARM', 'LAW'],
  },
  {
    code: 'PUNI-06',
    ar: 'كلية شط العرب الجامعة',
    en: 'Shatt Al-Arab University College',
    governorate: 'BSR',
    colleges: ['ENG', 'ADMECO', 'LAW'],
  },
] as const;

type K = AcademicDocumentKind;
const B: K[] = [AcademicDocumentKind.BACHELOR];
const M: K[] = [AcademicDocumentKind.MASTER];
type RuleRow = [specializations: string[], priorDegrees: K[], minimumGrade: number, maxYears: number | null];
type ProgramRow = [university: string, degree: PostgraduateDegree, specialization: string, rules: RuleRow[]];
const MA = PostgraduateDegree.MASTER;
const PHD = PostgraduateDegree.DOCTORATE;

/**
 * Postgraduate programs and their admission rules, chosen so the demo population gives, for each
 * program, consistent applicants and applicants failing for each reason (wrong specialization,
 * degree not accepted, grade below minimum, revoked document, graduated too long ago, no degree).
 */
export const PROGRAMS: readonly ProgramRow[] = [
  ['UNI-01', MA, 'CIVIL_ENG', [[['CIVIL_ENG', 'WATER_RES_ENG'], B, 65, null]]],
  [
    'UNI-01',
    MA,
    'COMP_SCI',
    [
      [['COMP_SCI'], B, 65, null],
      [['ELEC_ENG', 'PHYSICS'], B, 75, null],
    ],
  ],
  ['UNI-02', MA, 'ACCOUNTING', [[['ACCOUNTING', 'BUS_ADMIN'], B, 62, 15]]],
  ['UNI-03', MA, 'ELEC_ENG', [[['ELEC_ENG'], B, 70, null]]],
  ['UNI-04', MA, 'LAW', [[['LAW'], B, 65, 20]]],
  ['UNI-08', MA, 'CHEMISTRY', [[['CHEMISTRY', 'PHARMACY'], B, 65, null]]],
  ['UNI-11', MA, 'ARABIC', [[['ARABIC', 'EDUCATION'], B, 60, null]]],
  ['UNI-11', MA, 'ENGLISH', [[['ENGLISH'], B, 68, null]]],
  ['UNI-20', MA, 'AGRICULTURE', [[['AGRICULTURE'], B, 60, 25]]],
  ['UNI-23', MA, 'PHYSICS', [[['PHYSICS'], B, 65, null]]],
  ['UNI-22', MA, 'BUS_ADMIN', [[['BUS_ADMIN', 'ACCOUNTING', 'LAW'], B, 60, 10]]],
  ['UNI-25', MA, 'PHARMACY', [[['PHARMACY'], B, 70, null]]],
  ['UNI-25', MA, 'MEDICINE', [[['MEDICINE'], B, 72, null]]],
  ['UNI-26', MA, 'EDUCATION', [[['EDUCATION', 'ARABIC', 'ENGLISH'], B, 60, null]]],
  ['UNI-07', MA, 'COMP_SCI', [[['COMP_SCI', 'ELEC_ENG'], B, 68, 12]]],
  ['UNI-24', MA, 'WATER_RES_ENG', [[['WATER_RES_ENG', 'CIVIL_ENG', 'AGRICULTURE'], B, 62, null]]],
  ['UNI-06', MA, 'ACCOUNTING', [[['ACCOUNTING'], B, 60, null]]],
  ['UNI-29', MA, 'LAW', [[['LAW'], B, 70, null]]],
  ['UNI-31', MA, 'COMP_SCI', [[['COMP_SCI'], B, 60, 8]]],
  ['UNI-18', MA, 'CIVIL_ENG', [[['CIVIL_ENG'], B, 67, null]]],
  ['UNI-01', PHD, 'CIVIL_ENG', [[['CIVIL_ENG', 'WATER_RES_ENG'], M, 70, null]]],
  [
    'UNI-01',
    PHD,
    'COMP_SCI',
    [
      [['COMP_SCI'], M, 72, null],
      [['ELEC_ENG'], M, 80, null],
    ],
  ],
  ['UNI-02', PHD, 'ACCOUNTING', [[['ACCOUNTING'], M, 70, null]]],
  ['UNI-04', PHD, 'LAW', [[['LAW'], M, 70, 15]]],
  ['UNI-08', PHD, 'CHEMISTRY', [[['CHEMISTRY'], M, 70, null]]],
  ['UNI-11', PHD, 'ARABIC', [[['ARABIC'], M, 65, null]]],
  ['UNI-23', PHD, 'PHYSICS', [[['PHYSICS'], M, 70, null]]],
  ['UNI-20', PHD, 'AGRICULTURE', [[['AGRICULTURE'], M, 68, null]]],
  ['UNI-27', PHD, 'EDUCATION', [[['EDUCATION'], M, 65, 10]]],
  ['UNI-09', PHD, 'BUS_ADMIN', [[['BUS_ADMIN', 'ACCOUNTING'], M, 70, null]]],
  ['PUNI-01', MA, 'PHARMACY', [[['PHARMACY'], B, 75, null]]],
  ['PUNI-04', MA, 'LAW', [[['LAW'], B, 65, null]]],
];

export const programIdOf = (index: number) => `PGP-${String(index + 1).padStart(3, '0')}`;

const BATCH = 500;

/** Agencies' personnel departments that asked for issuance verifications before the demo date. */
const REQUESTERS = [
  { client: 'moi-personnel', agency: 'MOI', purpose: 'DEGREE_VERIFICATION', prefix: 'MOI/HR' },
  { client: 'moh-personnel', agency: 'MOH', purpose: 'DEGREE_VERIFICATION', prefix: 'MOH/HR' },
  { client: 'mop-personnel', agency: 'MOP', purpose: 'DEGREE_VERIFICATION', prefix: 'MOP/HR' },
  {
    client: 'molsa-personnel',
    agency: 'MOLSA',
    purpose: 'DEGREE_VERIFICATION',
    prefix: 'MOLSA/HR',
  },
] as const;

const universityNames = new Map<string, { name: string; nameEn: string }>([
  ...DEMO_UNIVERSITIES.map((u) => [u.code, { name: u.ar, nameEn: u.en }] as const),
  ...PRIVATE_UNIVERSITIES.map((u) => [u.code, { name: u.ar, nameEn: u.en }] as const),
]);

function revokedAtOf(r: DemoAcademicRecord): string | null {
  return r.revoked ? `${r.revoked.at}T00:00:00.000Z` : null;
}

function answerFor(r: DemoAcademicRecord | undefined, q: VerificationQuestion): VerificationAnswer {
  const valid = assertVerificationQuestion(q);
  if (!r) {
    return notFound(valid.value, universityNames.get(universityOfSerial(valid.value) ?? '') ?? null);
  }
  const names = universityNames.get(r.universityCode)!;
  return verifyIssued(
    {
      id: r.id,
      serialNumber: r.serialNumber,
      holderNationalId: r.holderNationalId,
      kind: r.kind as AcademicDocumentKind,
      specializationCode: r.specialization.code,
      graduationYear: r.graduationYear,
      gradeAverage: r.gradeAverage,
      issuedAt: r.issuedAt,
      status: r.revoked ? AcademicDocumentStatus.REVOKED : AcademicDocumentStatus.ACTIVE,
      revokedAt: revokedAtOf(r),
      revocationReason: r.revoked?.reason ?? null,
      universityName: names.name,
      universityNameEn: names.nameEn,
    },
    valid,
  );
}

/** A forged copy of a record: the grade raised, as the demo's tampered copies are. */
export function tamperedGradeOf(r: DemoAcademicRecord): number {
  return Math.min(99.5, Math.round((r.gradeAverage + 12.5) * 10) / 10);
}

/** The verification log before the demo date: ordinary checks, revoked and forged degrees, unissued serials. */
function seedVerificationRequests(em: EntityManager): void {
  const rnd = new Random(seedOf('higher-education.verifications'));
  const records = demoAcademicRecords().filter((r) => r.kind !== 'TRANSCRIPT');
  const cases: { record?: DemoAcademicRecord; q: VerificationQuestion }[] = [];
  for (const r of rnd.sample(
    records.filter((x) => !x.revoked && !x.tamperedCopy),
    40,
  )) {
    cases.push({
      record: r,
      q: {
        serialNumber: r.serialNumber,
        holderNationalId: r.holderNationalId,
        presentedFields: {
          kind: r.kind as K,
          specializationCode: r.specialization.code,
          graduationYear: r.graduationYear,
        },
      },
    });
  }
  for (const r of records.filter((x) => x.revoked).slice(0, 8)) {
    cases.push({ record: r, q: { serialNumber: r.serialNumber, holderNationalId: r.holderNationalId } });
  }
  for (const r of records.filter((x) => x.tamperedCopy)) {
    cases.push({
      record: r,
      q: {
        serialNumber: r.serialNumber,
        holderNationalId: r.holderNationalId,
        presentedFields: { gradeAverage: tamperedGradeOf(r) },
      },
    });
  }
  for (const r of rnd.sample(records, 4)) {
    const other = rnd.pick(records.filter((x) => x.holderNationalId !== r.holderNationalId));
    cases.push({ record: r, q: { serialNumber: r.serialNumber, holderNationalId: other.holderNationalId } });
  }
  for (const serial of ['UNI-05-2019-09999', 'UNI-01-2008-07777', 'UNI-12-2021-08888', 'UNI-40-2018-00012']) {
    cases.push({ q: { serialNumber: serial } });
  }
  const bySerial = new Map(records.map((r) => [r.serialNumber, r]));
  const order = rnd.sample(cases, cases.length);
  order.forEach((c, i) => {
    const who = rnd.pick(REQUESTERS);
    // Spread over 2026 up to the demo reference date, in order.
    const day = new Date(Date.UTC(2026, 0, 5) + Math.floor((i * 295 * 86_400_000) / order.length));
    day.setUTCHours(rnd.int(8, 14), rnd.int(0, 59), rnd.int(0, 59), 0);
    const at = day.toISOString();
    const answer = answerFor(c.record, c.q);
    const record = c.record ?? bySerial.get(c.q.serialNumber!);
    const universityCode = record?.universityCode ?? universityOfSerial(c.q.serialNumber!) ?? '';
    em.create(VerificationRequest, {
      id: `VR-${at.replace(/[-:.]/g, '')}-${String(i).padStart(6, '0')}`,
      requestedByClient: who.client,
      requestedByAgency: who.agency,
      purpose: who.purpose,
      caseNumber: `${who.prefix}/2026/${String(rnd.int(1, 9999)).padStart(4, '0')}`,
      method: VerificationMethod.SERIAL_NUMBER,
      value: c.q.serialNumber!,
      holderNationalId: c.q.holderNationalId ?? null,
      presentedKind: c.q.presentedFields?.kind ?? null,
      presentedSpecializationCode: c.q.presentedFields?.specializationCode ?? null,
      presentedGraduationYear: c.q.presentedFields?.graduationYear ?? null,
      presentedGradeAverage: c.q.presentedFields?.gradeAverage ?? null,
      academicDocumentId: record?.id ?? null,
      universityId: universityNames.has(universityCode) ? universityCode : null,
      outcome: answer.outcome,
      reasonList: answer.reasons,
      mismatchedFields: answer.mismatchedFields,
      at,
    });
  });
}

/**
 * The ministry's registry: every public university (and a few private ones) with colleges and
 * departments, every shared demo academic record with exactly its ID and serial number, the
 * postgraduate programs with their admission rules, and the verification log so far.
 */
export async function seedHigherEducation(em: EntityManager): Promise<void> {
  const universities = [
    ...DEMO_UNIVERSITIES.map((u) => ({
      ...u,
      type: UniversityType.PUBLIC,
      colleges: COLLEGES.map((c) => c.code),
    })),
    ...PRIVATE_UNIVERSITIES.map((u) => ({
      ...u,
      type: UniversityType.PRIVATE,
      colleges: [...u.colleges] as string[],
    })),
  ];
  for (const u of universities) {
    em.create(University, {
      id: u.code,
      name: u.ar,
      nameEn: u.en,
      governorateCode: u.governorate,
      type: u.type,
    });
    for (const college of COLLEGES.filter((c) => u.colleges.includes(c.code))) {
      const collegeId = collegeIdOf(u.code, college.code);
      em.create(College, { id: collegeId, universityId: u.code, name: college.ar, nameEn: college.en });
      for (const d of college.departments) {
        em.create(Department, {
          id: departmentIdOf(u.code, d.specialization),
          collegeId,
          name: d.ar,
          nameEn: d.en,
          specializationCode: d.specialization,
        });
      }
    }
  }
  await em.flush();

  const records = demoAcademicRecords();
  // Thousands of rows: inserted in batches straight from the records, not through the unit of work.
  for (let i = 0; i < records.length; i += BATCH) {
    await em.insertMany(
      AcademicDocument,
      records.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        holderNationalId: r.holderNationalId,
        universityId: r.universityCode,
        departmentId: departmentIdOf(r.universityCode, r.specialization.code),
        kind: r.kind as AcademicDocumentKind,
        specializationCode: r.specialization.code,
        graduationYear: r.graduationYear,
        gradeAverage: r.gradeAverage,
        serialNumber: r.serialNumber,
        issuedAt: r.issuedAt,
        documentId: r.documentId,
        signingKeyGeneration: r.keyGeneration,
        status: r.revoked ? AcademicDocumentStatus.REVOKED : AcademicDocumentStatus.ACTIVE,
        revokedAt: revokedAtOf(r),
        revocationReason: r.revoked?.reason ?? null,
      })),
    );
  }

  const rnd = new Random(seedOf('higher-education.programs'));
  PROGRAMS.forEach(([university, degree, specialization, rules], index) => {
    const spec = knownSpecialization(specialization);
    const id = programIdOf(index);
    const master = degree === PostgraduateDegree.MASTER;
    em.create(PostgraduateProgram, {
      id,
      universityId: university,
      name: `${master ? 'ماجستير' : 'دكتوراه'} ${spec.ar}`,
      nameEn: `${master ? 'Master' : 'Doctorate'} in ${spec.en}`,
      degree,
      seats: rnd.int(4, 30),
    });
    rules.forEach(([specializations, priorDegrees, minimumGrade, maxYears], r) => {
      em.create(AdmissionRule, {
        id: `${id}-R${r + 1}`,
        programId: id,
        acceptedSpecializationCodes: specializations,
        acceptedPriorDegrees: priorDegrees,
        minimumGradeAverage: minimumGrade,
        maxYearsSinceGraduation: maxYears,
      });
    });
  });
  seedVerificationRequests(em);
  await em.flush();
}
