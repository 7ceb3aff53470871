import { SPECIALIZATIONS, type Specialization } from '../../../kit/demo/academic-records';
import { urError } from '../../../kit/errors/ur-error';

/**
 * The ministry's catalogue: which college teaches which specialization, and the shape of the
 * serial numbers its universities print. Every university organises its departments this way.
 */
export interface CollegeSpec {
  /** Short code inside a university, e.g. ENG; the college ID is `<university>-<code>`. */
  readonly code: string;
  readonly ar: string;
  readonly en: string;
  /** One department per specialization code. */
  readonly departments: readonly {
    readonly specialization: string;
    readonly ar: string;
    readonly en: string;
  }[];
}

export const COLLEGES: readonly CollegeSpec[] = [
  {
    code: 'ENG',
    ar: 'كلية الهندسة',
    en: 'College of Engineering',
    departments: [
      { specialization: 'CIVIL_ENG', ar: 'قسم الهندسة المدنية', en: 'Department of Civil Engineering' },
      {
        specialization: 'ELEC_ENG',
        ar: 'قسم الهندسة الكهربائية',
        en: 'Department of Electrical Engineering',
      },
      {
        specialization: 'WATER_RES_ENG',
        ar: 'قسم هندسة الموارد المائية',
        en: 'Department of Water Resources Engineering',
      },
    ],
  },
  {
    code: 'SCI',
    ar: 'كلية العلوم',
    en: 'College of Science',
    departments: [
      { specialization: 'COMP_SCI', ar: 'قسم علوم الحاسوب', en: 'Department of Computer Science' },
      { specialization: 'PHYSICS', ar: 'قسم الفيزياء', en: 'Department of Physics' },
      { specialization: 'CHEMISTRY', ar: 'قسم الكيمياء', en: 'Department of Chemistry' },
    ],
  },
  {
    code: 'MED',
    ar: 'كلية الطب',
    en: 'College of Medicine',
    departments: [
      {
        specialization: 'MEDICINE',
        ar: 'فرع الطب والجراحة العامة',
        en: 'Branch of Medicine and General Surgery',
      },
    ],
  },
  {
    code: 'PHARM',
    ar: 'كلية الصيدلة',
    en: 'College of Pharmacy',
    departments: [{ specialization: 'PHARMACY', ar: 'فرع الصيدلانيات', en: 'Branch of Pharmaceutics' }],
  },
  {
    code: 'LAW',
    ar: 'كلية القانون',
    en: 'College of Law',
    departments: [{ specialization: 'LAW', ar: 'قسم القانون', en: 'Department of Law' }],
  },
  {
    code: 'ADMECO',
    ar: 'كلية الإدارة والاقتصاد',
    en: 'College of Administration and Economics',
    departments: [
      { specialization: 'ACCOUNTING', ar: 'قسم المحاسبة', en: 'Department of Accounting' },
      { specialization: 'BUS_ADMIN', ar: 'قسم إدارة الأعمال', en: 'Department of Business Administration' },
    ],
  },
  {
    code: 'ARTS',
    ar: 'كلية الآداب',
    en: 'College of Arts',
    departments: [
      { specialization: 'ARABIC', ar: 'قسم اللغة العربية', en: 'Department of Arabic Language' },
      { specialization: 'ENGLISH', ar: 'قسم اللغة الإنكليزية', en: 'Department of English Language' },
    ],
  },
  {
    code: 'AGRI',
    ar: 'كلية الزراعة',
    en: 'College of Agriculture',
    departments: [
      { specialization: 'AGRICULTURE', ar: 'قسم العلوم الزراعية', en: 'Department of Agricultural Sciences' },
    ],
  },
  {
    code: 'EDU',
    ar: 'كلية التربية',
    en: 'College of Education',
    departments: [
      {
        specialization: 'EDUCATION',
        ar: 'قسم العلوم التربوية والنفسية',
        en: 'Department of Educational and Psychological Sciences',
      },
    ],
  },
];

const SPEC_BY_CODE = new Map(SPECIALIZATIONS.map((s) => [s.code, s]));
const COLLEGE_OF_SPEC = new Map(COLLEGES.flatMap((c) => c.departments.map((d) => [d.specialization, c])));

export function specializationByCode(code: string): Specialization | undefined {
  return SPEC_BY_CODE.get(code);
}

/** For stored codes: an unknown one is a fault in the data, not the caller's mistake. */
export function knownSpecialization(code: string): Specialization {
  const s = SPEC_BY_CODE.get(code);
  if (!s) throw new Error(`unknown specialization code ${code} in stored data`);
  return s;
}

/** For arguments: an unknown code is the caller's mistake, said plainly with the accepted codes. */
export function assertSpecializationCode(code: string, argument: string): string {
  if (!SPEC_BY_CODE.has(code)) {
    throw urError(
      'BAD_USER_INPUT',
      `Unknown specialization "${code}"; use one of ${SPECIALIZATIONS.map((s) => s.code).join(', ')}.`,
      { argument },
    );
  }
  return code;
}

export function collegeIdOf(universityId: string, collegeCode: string): string {
  return `${universityId}-${collegeCode}`;
}

/** The department of a university that teaches a specialization, e.g. UNI-01-ENG-CIVIL_ENG. */
export function departmentIdOf(universityId: string, specializationCode: string): string {
  const college = COLLEGE_OF_SPEC.get(specializationCode);
  if (!college) throw new Error(`no college teaches specialization ${specializationCode}`);
  return `${collegeIdOf(universityId, college.code)}-${specializationCode}`;
}

/** Serial numbers as universities print them: `<university>-<year>-<5 digits>`, e.g. UNI-01-2015-00001. */
export const SERIAL_NUMBER_SHAPE = /^(P?UNI-\d{2})-(\d{4})-(\d{5})$/;
export const SERIAL_NUMBER_EXAMPLE = 'UNI-01-2015-00001';

/** The university code a well-formed serial names (it may still name no university). */
export function universityOfSerial(serial: string): string | null {
  return SERIAL_NUMBER_SHAPE.exec(serial)?.[1] ?? null;
}
