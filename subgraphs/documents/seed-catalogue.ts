import { DispositionAction, DocumentClassification } from './entities/enums';

/**
 * The demo retention schedule and the ordinary (unsigned) records the agencies keep, in Arabic
 * with English beside it. Periods follow common Iraqi practice: correspondence and vouchers are
 * destroyed after a few years, decisions and contracts go to the national archive.
 */
export interface RetentionSpec {
  readonly type: string;
  readonly ar: string;
  readonly en: string;
  readonly years: number;
  readonly disposition: DispositionAction;
}

const { DESTROY, TRANSFER_TO_ARCHIVE } = DispositionAction;

export const RETENTION_SCHEDULE: readonly RetentionSpec[] = [
  {
    type: 'ACADEMIC_DEGREE',
    ar: 'شهادة جامعية',
    en: 'Academic degree',
    years: 50,
    disposition: TRANSFER_TO_ARCHIVE,
  },
  {
    type: 'ACADEMIC_TRANSCRIPT',
    ar: 'كشف درجات',
    en: 'Academic transcript',
    years: 50,
    disposition: TRANSFER_TO_ARCHIVE,
  },
  { type: 'BUILDING_PERMIT', ar: 'رخصة بناء', en: 'Building permit', years: 10, disposition: DESTROY },
  {
    type: 'PROPERTY_DEED',
    ar: 'سند عقاري',
    en: 'Property deed',
    years: 100,
    disposition: TRANSFER_TO_ARCHIVE,
  },
  {
    type: 'ADMINISTRATIVE_ORDER',
    ar: 'أمر إداري',
    en: 'Administrative order',
    years: 25,
    disposition: TRANSFER_TO_ARCHIVE,
  },
  { type: 'CIRCULAR', ar: 'تعميم', en: 'Circular', years: 10, disposition: TRANSFER_TO_ARCHIVE },
  {
    type: 'CORRESPONDENCE',
    ar: 'مراسلات رسمية',
    en: 'Official correspondence',
    years: 5,
    disposition: DESTROY,
  },
  {
    type: 'MEETING_MINUTES',
    ar: 'محضر اجتماع',
    en: 'Meeting minutes',
    years: 15,
    disposition: TRANSFER_TO_ARCHIVE,
  },
  { type: 'CONTRACT', ar: 'عقد', en: 'Contract', years: 15, disposition: TRANSFER_TO_ARCHIVE },
  { type: 'FINANCIAL_VOUCHER', ar: 'مستند صرف', en: 'Payment voucher', years: 7, disposition: DESTROY },
  { type: 'TECHNICAL_REPORT', ar: 'تقرير فني', en: 'Technical report', years: 10, disposition: DESTROY },
];

export interface RecordTemplate {
  readonly type: string;
  readonly ar: string;
  readonly en: string;
  /** Classifications this kind of record is usually given. */
  readonly classifications: readonly DocumentClassification[];
}

const { PUBLIC, INTERNAL, CONFIDENTIAL, SECRET } = DocumentClassification;

export const RECORD_TEMPLATES: readonly RecordTemplate[] = [
  {
    type: 'CIRCULAR',
    ar: 'تعميم بشأن اعتماد التوقيع الإلكتروني في المراسلات الرسمية',
    en: 'Circular on adopting electronic signatures in official correspondence',
    classifications: [PUBLIC],
  },
  {
    type: 'CIRCULAR',
    ar: 'تعميم بشأن الدوام الرسمي خلال شهر رمضان',
    en: 'Circular on official working hours during Ramadan',
    classifications: [PUBLIC, INTERNAL],
  },
  {
    type: 'CIRCULAR',
    ar: 'تعميم بشأن حماية البيانات الشخصية للمواطنين',
    en: 'Circular on protecting citizens’ personal data',
    classifications: [PUBLIC],
  },
  {
    type: 'CORRESPONDENCE',
    ar: 'كتاب بشأن ربط قاعدة بيانات الوزارة بالمنصة الوطنية لتبادل البيانات',
    en: 'Letter on connecting the ministry’s database to the national data-exchange platform',
    classifications: [INTERNAL],
  },
  {
    type: 'CORRESPONDENCE',
    ar: 'كتاب بشأن تزويد بيانات إحصائية نصف سنوية',
    en: 'Letter on providing half-yearly statistics',
    classifications: [INTERNAL, PUBLIC],
  },
  {
    type: 'CORRESPONDENCE',
    ar: 'كتاب بشأن تسمية ضابط ارتباط لأمن المعلومات',
    en: 'Letter naming an information-security liaison officer',
    classifications: [CONFIDENTIAL],
  },
  {
    type: 'MEETING_MINUTES',
    ar: 'محضر اجتماع اللجنة التوجيهية للتحول الرقمي',
    en: 'Minutes of the digital transformation steering committee',
    classifications: [INTERNAL, CONFIDENTIAL],
  },
  {
    type: 'MEETING_MINUTES',
    ar: 'محضر اجتماع خلية الأزمة بشأن حماية البنى التحتية الحرجة',
    en: 'Minutes of the crisis cell on protecting critical infrastructure',
    classifications: [SECRET],
  },
  {
    type: 'CONTRACT',
    ar: 'عقد توريد خوادم لمركز البيانات',
    en: 'Contract for the supply of data-center servers',
    classifications: [INTERNAL, CONFIDENTIAL],
  },
  {
    type: 'CONTRACT',
    ar: 'عقد صيانة منظومة الطاقة غير المنقطعة',
    en: 'Maintenance contract for the uninterruptible power system',
    classifications: [INTERNAL],
  },
  {
    type: 'FINANCIAL_VOUCHER',
    ar: 'مستند صرف مخصصات الإيفاد',
    en: 'Payment voucher for travel allowances',
    classifications: [INTERNAL],
  },
  {
    type: 'FINANCIAL_VOUCHER',
    ar: 'مستند صرف أجور العمل الإضافي',
    en: 'Payment voucher for overtime',
    classifications: [INTERNAL, CONFIDENTIAL],
  },
  {
    type: 'TECHNICAL_REPORT',
    ar: 'تقرير فني عن انقطاع الخدمة وأسبابه',
    en: 'Technical report on a service outage and its causes',
    classifications: [INTERNAL],
  },
  {
    type: 'TECHNICAL_REPORT',
    ar: 'تقرير فحص الثغرات الأمنية في الأنظمة المرتبطة',
    en: 'Vulnerability assessment of connected systems',
    classifications: [SECRET, CONFIDENTIAL],
  },
  {
    type: 'ADMINISTRATIVE_ORDER',
    ar: 'أمر إداري بتشكيل لجنة جرد الموجودات',
    en: 'Administrative order forming an asset inventory committee',
    classifications: [INTERNAL, PUBLIC],
  },
  {
    type: 'ADMINISTRATIVE_ORDER',
    ar: 'أمر إداري بتكليف مدير قسم تقنية المعلومات',
    en: 'Administrative order assigning the head of information technology',
    classifications: [INTERNAL],
  },
];

/** Agencies whose ordinary records are seeded (eight each). */
export const RECORD_AGENCIES = [
  'NDC',
  'COMSEC',
  'MOH',
  'MOP',
  'MOHESR',
  'AMANAT',
  'MOWR',
  'MOT',
  'MOE',
  'MOCHM',
] as const;

export const BAGHDAD_DISTRICTS: readonly { ar: string; en: string }[] = [
  { ar: 'الكرادة', en: 'Karrada' },
  { ar: 'المنصور', en: 'Mansour' },
  { ar: 'الأعظمية', en: 'Adhamiya' },
  { ar: 'الكاظمية', en: 'Kadhimiya' },
  { ar: 'زيونة', en: 'Zayouna' },
  { ar: 'اليرموك', en: 'Yarmouk' },
  { ar: 'الدورة', en: 'Dora' },
  { ar: 'حي الجامعة', en: 'Hay al-Jamia' },
];
