/**
 * The demo clients and purposes the platform registers on first start, one client per kind of
 * user. What each may read is exactly its scopes; what it may read personal data for, its purposes.
 */
export interface DemoClient {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly scopes: readonly string[];
  readonly purposes: readonly string[];
  readonly rateLimitPerMinute: number;
}

const BASIC = 'identity.citizen.basic:read';

export const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    id: 'welfare',
    name: 'Social welfare eligibility (MOLSA)',
    agency: 'MOLSA',
    scopes: [BASIC, 'health.disability:read'],
    purposes: ['SOCIAL_WELFARE_ELIGIBILITY'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'health-committee',
    name: 'Medical committees (MOH)',
    agency: 'MOH',
    scopes: [
      BASIC,
      'health.disability:read',
      'health.disability.medical:read',
      'health.committee:read',
      'health.committee:write',
    ],
    purposes: ['MEDICAL_COMMITTEE_REVIEW'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'planning-auditor',
    name: 'Contract award audit (MOP)',
    agency: 'MOP',
    scopes: ['planning.contractor:read', 'municipalities.project:read', BASIC],
    purposes: ['CONTRACT_AWARD_CHECK'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'planning-registrar',
    name: 'Contractor classification registry (MOP)',
    agency: 'MOP',
    scopes: ['planning.contractor:read', 'planning.contractor:write', BASIC],
    purposes: ['CONTRACTOR_CLASSIFICATION'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'municipal-dashboard',
    name: 'Municipal works dashboard (MOCHM)',
    agency: 'MOCHM',
    scopes: ['municipalities.project:read'],
    purposes: ['PUBLIC_WORKS_MONITORING'],
    rateLimitPerMinute: 6000,
  },
  {
    id: 'municipal-engineer',
    name: 'Municipal works follow-up engineers (MOCHM)',
    agency: 'MOCHM',
    scopes: ['municipalities.project:read', 'municipalities.project:write'],
    purposes: ['PUBLIC_WORKS_MONITORING'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'degree-verifier',
    name: 'Personnel department degree checks (MOI)',
    agency: 'MOI',
    scopes: [BASIC, 'highered.document:read', 'highered.verification:write', 'highered.verification:read'],
    purposes: ['DEGREE_VERIFICATION'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'mohe-registrar',
    name: 'Academic records registrar (MOHESR)',
    agency: 'MOHESR',
    scopes: [
      BASIC,
      'highered.document:read',
      'highered.document.grade:read',
      'highered.verification:read',
      'highered.verification:write',
      'highered.document:revoke',
      'highered.admission:read',
    ],
    purposes: ['ACADEMIC_RECORDS', 'DEGREE_VERIFICATION'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'auditor',
    name: 'Federal Board of Supreme Audit (COMSEC)',
    agency: 'COMSEC',
    scopes: ['platform.audit:read'],
    purposes: ['AUDIT'],
    rateLimitPerMinute: 600,
  },
  {
    id: 'platform-admin',
    name: 'National Data Center platform administration',
    agency: 'NDC',
    scopes: ['platform.admin'],
    purposes: [],
    rateLimitPerMinute: 600,
  },
];

export interface DemoPurpose {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly legalBasis: string;
  readonly legalBasisEn: string;
}

export const DEMO_PURPOSES: readonly DemoPurpose[] = [
  {
    code: 'SOCIAL_WELFARE_ELIGIBILITY',
    name: 'التحقق من استحقاق الحماية الاجتماعية',
    nameEn: 'Social welfare eligibility',
    legalBasis: 'قانون الحماية الاجتماعية رقم 11 لسنة 2014',
    legalBasisEn: 'Social Protection Law No. 11 of 2014',
  },
  {
    code: 'MEDICAL_COMMITTEE_REVIEW',
    name: 'مراجعة قرارات اللجان الطبية',
    nameEn: 'Medical committee review',
    legalBasis: 'قانون رعاية ذوي الإعاقة والاحتياجات الخاصة رقم 38 لسنة 2013',
    legalBasisEn: 'Law No. 38 of 2013 on the Care of Persons with Disabilities and Special Needs',
  },
  {
    code: 'CONTRACT_AWARD_CHECK',
    name: 'التدقيق في إحالة العقود الحكومية',
    nameEn: 'Government contract award check',
    legalBasis: 'تعليمات تنفيذ العقود الحكومية رقم 2 لسنة 2014',
    legalBasisEn: 'Instructions for the Implementation of Government Contracts No. 2 of 2014',
  },
  {
    code: 'CONTRACTOR_CLASSIFICATION',
    name: 'تصنيف المقاولين',
    nameEn: 'Contractor classification',
    legalBasis: 'تعليمات تنفيذ العقود الحكومية رقم 2 لسنة 2014',
    legalBasisEn: 'Instructions for the Implementation of Government Contracts No. 2 of 2014',
  },
  {
    code: 'PUBLIC_WORKS_MONITORING',
    name: 'متابعة المشاريع البلدية',
    nameEn: 'Public works monitoring',
    legalBasis: 'قانون وزارة الإعمار والإسكان والبلديات والأشغال العامة',
    legalBasisEn: 'Law of the Ministry of Construction, Housing, Municipalities and Public Works',
  },
  {
    code: 'DEGREE_VERIFICATION',
    name: 'التحقق من صحة صدور الوثائق الدراسية',
    nameEn: 'Academic document issuance verification',
    legalBasis: 'قانون وزارة التعليم العالي والبحث العلمي رقم 40 لسنة 1988',
    legalBasisEn: 'Law of the Ministry of Higher Education and Scientific Research No. 40 of 1988',
  },
  {
    code: 'ACADEMIC_RECORDS',
    name: 'إدارة السجلات الأكاديمية',
    nameEn: 'Academic records administration',
    legalBasis: 'قانون وزارة التعليم العالي والبحث العلمي رقم 40 لسنة 1988',
    legalBasisEn: 'Law of the Ministry of Higher Education and Scientific Research No. 40 of 1988',
  },
  {
    code: 'AUDIT',
    name: 'الرقابة والتدقيق',
    nameEn: 'Oversight and audit',
    legalBasis: 'قانون ديوان الرقابة المالية الاتحادي رقم 31 لسنة 2011',
    legalBasisEn: 'Federal Board of Supreme Audit Law No. 31 of 2011',
  },
];
