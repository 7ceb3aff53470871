import { registerEnumType } from 'type-graphql';

/*
 * Entities store these in plain string columns, not MikroORM `@Enum`: MikroORM 6.6 misreads a
 * SQLite enum check constraint of more than two values, so every `npm run migrations` would
 * rebuild the table. GraphQL validates every value that comes in.
 */

/** Public (state) or private university. */
export enum UniversityType {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}

/** What an academic document certifies (the same values as kit/demo's AcademicDocumentKind). */
export enum AcademicDocumentKind {
  DIPLOMA = 'DIPLOMA',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
  TRANSCRIPT = 'TRANSCRIPT',
}

/** Whether an academic document still stands. */
export enum AcademicDocumentStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

/** How a presented document was identified in an issuance verification. */
export enum VerificationMethod {
  SERIAL_NUMBER = 'SERIAL_NUMBER',
  VERIFICATION_CODE = 'VERIFICATION_CODE',
}

/** The answer to an issuance verification (صحة صدور). */
export enum VerificationOutcome {
  ISSUED = 'ISSUED',
  REVOKED = 'REVOKED',
  NOT_FOUND = 'NOT_FOUND',
  MISMATCH = 'MISMATCH',
  REFER_TO_DOCUMENTS = 'REFER_TO_DOCUMENTS',
}

/** The degree a postgraduate program leads to. */
export enum PostgraduateDegree {
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
}

/** Arabic and English names of each kind, as written on the documents. */
export const KIND_LABEL: Record<AcademicDocumentKind, { ar: string; en: string }> = {
  DIPLOMA: { ar: 'دبلوم', en: 'Diploma' },
  BACHELOR: { ar: 'بكالوريوس', en: 'Bachelor' },
  MASTER: { ar: 'ماجستير', en: 'Master' },
  DOCTORATE: { ar: 'دكتوراه', en: 'Doctorate' },
  TRANSCRIPT: { ar: 'كشف درجات', en: 'Transcript' },
};

registerEnumType(UniversityType, {
  name: 'UniversityType',
  description: 'Public (state) or private university.',
  valuesConfig: {
    PUBLIC: { description: 'A state university of the ministry: جامعة حكومية.' },
    PRIVATE: {
      description: 'A private university or university college licensed by the ministry: جامعة أهلية.',
    },
  },
});

registerEnumType(AcademicDocumentKind, {
  name: 'AcademicDocumentKind',
  description: 'What an academic document certifies.',
  valuesConfig: {
    DIPLOMA: { description: 'Technical diploma (two years): دبلوم.' },
    BACHELOR: { description: 'Bachelor’s degree: بكالوريوس.' },
    MASTER: { description: 'Master’s degree: ماجستير.' },
    DOCTORATE: { description: 'Doctorate: دكتوراه.' },
    TRANSCRIPT: { description: 'Transcript of grades accompanying a degree: كشف درجات.' },
  },
});

registerEnumType(AcademicDocumentStatus, {
  name: 'AcademicDocumentStatus',
  description: 'Whether an academic document still stands.',
  valuesConfig: {
    ACTIVE: { description: 'Valid as issued.' },
    REVOKED: {
      description: 'Withdrawn by the ministry (e.g. a forgery finding); verifications answer REVOKED.',
    },
  },
});

registerEnumType(VerificationMethod, {
  name: 'IssuanceVerificationMethod',
  description: 'How a presented document was identified in an issuance verification.',
  valuesConfig: {
    SERIAL_NUMBER: { description: 'By the serial number printed on it, e.g. UNI-01-2015-00001.' },
    VERIFICATION_CODE: {
      description: 'By the verification code of its secured document (held by the documents subgraph).',
    },
  },
});

registerEnumType(VerificationOutcome, {
  name: 'IssuanceVerificationOutcome',
  description: 'The answer to an issuance verification (صحة صدور).',
  valuesConfig: {
    ISSUED: { description: 'Issued as presented, and still valid.' },
    REVOKED: { description: 'Issued, but revoked since: the reason and date are given.' },
    NOT_FOUND: { description: 'No document with that serial number was issued.' },
    MISMATCH: { description: 'Issued, but the presented details differ: each differing field is named.' },
    REFER_TO_DOCUMENTS: {
      description: 'A verification code is checked by the documents subgraph: ask `verifyDocument(code)`.',
    },
  },
});

registerEnumType(PostgraduateDegree, {
  name: 'PostgraduateDegree',
  description: 'The degree a postgraduate program leads to.',
  valuesConfig: {
    MASTER: { description: 'Master’s program: ماجستير.' },
    DOCTORATE: { description: 'Doctoral program: دكتوراه.' },
  },
});
