import { registerEnumType } from 'type-graphql';

/*
 * Columns holding these enums are plain strings (`@Property({ type: 'string' })`), not MikroORM
 * `@Enum`s: MikroORM 6 reads back an SQLite check constraint of three or more values wrongly, so
 * every migration run would rebuild the table. GraphQL enums and the resolvers keep values valid.
 */
import { VERDICTS, type Verdict as VerdictName } from '../../../kit/secured-documents/verdict';

/** Security classification of a document; each level above PUBLIC needs its own read scope. */
export enum DocumentClassification {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
  CONFIDENTIAL = 'CONFIDENTIAL',
  SECRET = 'SECRET',
}

/** Whether a document is in force. Only its issuing agency changes it. */
export enum DocumentStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

export enum DocumentLanguage {
  AR = 'AR',
  EN = 'EN',
  KU = 'KU',
  AR_EN = 'AR_EN',
}

/** What the retention schedule says happens to a record when its period ends. */
export enum DispositionAction {
  DESTROY = 'DESTROY',
  TRANSFER_TO_ARCHIVE = 'TRANSFER_TO_ARCHIVE',
}

export enum IssuerKind {
  UNIVERSITY = 'UNIVERSITY',
  AGENCY = 'AGENCY',
}

/** The verdicts of kit/secured-documents, as a GraphQL enum (same names, same meanings). */
export const Verdict = Object.fromEntries(Object.keys(VERDICTS).map((v) => [v, v])) as {
  readonly [K in VerdictName]: K;
};
export type Verdict = VerdictName;

registerEnumType(DocumentClassification, {
  name: 'DocumentClassification',
  description: 'Security classification of a document.',
  valuesConfig: {
    PUBLIC: { description: 'Open to anyone, anonymous callers included.' },
    INTERNAL: { description: 'For government use: needs documents.internal:read.' },
    CONFIDENTIAL: { description: 'Personal or sensitive: needs documents.confidential:read.' },
    SECRET: { description: 'Needs documents.secret:read.' },
  },
});

registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description: 'Whether a document is in force; only its issuing agency changes it.',
  valuesConfig: {
    ACTIVE: { description: 'In force.' },
    SUSPENDED: { description: 'Suspended pending a decision; may be reinstated or revoked.' },
    REVOKED: { description: 'Withdrawn for good.' },
  },
});

registerEnumType(DocumentLanguage, {
  name: 'DocumentLanguage',
  description: 'Language of a document’s content.',
  valuesConfig: {
    AR: { description: 'Arabic.' },
    EN: { description: 'English.' },
    KU: { description: 'Kurdish.' },
    AR_EN: { description: 'Arabic and English side by side.' },
  },
});

registerEnumType(DispositionAction, {
  name: 'DispositionAction',
  description: 'What happens to a record when its retention period ends.',
  valuesConfig: {
    DESTROY: { description: 'Destroyed under the retention schedule.' },
    TRANSFER_TO_ARCHIVE: { description: 'Transferred to the national archive (دار الكتب والوثائق).' },
  },
});

registerEnumType(IssuerKind, {
  name: 'IssuerKind',
  description: 'Kind of body in the trust list.',
  valuesConfig: {
    UNIVERSITY: { description: 'A university, answerable to MOHESR.' },
    AGENCY: { description: 'A ministry or public body.' },
  },
});

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'Whether a secured document is genuine and in force; the same online and offline.',
  valuesConfig: Object.fromEntries(Object.entries(VERDICTS).map(([v, description]) => [v, { description }])),
});
