import { registerEnumType } from 'type-graphql';

/*
 * Stored as plain strings (`@Property({ type: 'string' })`), not MikroORM `@Enum`: MikroORM 6.6
 * reads back a SQLite enum check constraint of three or more values as only its first and last,
 * so every `npm run migrations` would write a migration rebuilding the tables. GraphQL's enum
 * types validate every value that comes in.
 */

/** Kind of disability as classified by a medical committee. */
export enum DisabilityType {
  PHYSICAL = 'PHYSICAL',
  VISUAL = 'VISUAL',
  HEARING = 'HEARING',
  SPEECH = 'SPEECH',
  INTELLECTUAL = 'INTELLECTUAL',
  PSYCHIATRIC = 'PSYCHIATRIC',
  MULTIPLE = 'MULTIPLE',
}

/** Where a disability record stands. */
export enum DisabilityStatus {
  ACTIVE = 'ACTIVE',
  UNDER_REVIEW = 'UNDER_REVIEW',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/** What a committee session decided about. */
export enum DecisionKind {
  INITIAL = 'INITIAL',
  REVIEW = 'REVIEW',
  APPEAL = 'APPEAL',
  REVOCATION = 'REVOCATION',
}

/** Arabic labels, as committees write them in their minutes. */
export const DISABILITY_TYPE_AR: Record<DisabilityType, string> = {
  PHYSICAL: 'إعاقة حركية',
  VISUAL: 'إعاقة بصرية',
  HEARING: 'إعاقة سمعية',
  SPEECH: 'إعاقة نطقية',
  INTELLECTUAL: 'إعاقة ذهنية',
  PSYCHIATRIC: 'إعاقة نفسية',
  MULTIPLE: 'إعاقة متعددة',
};

registerEnumType(DisabilityType, {
  name: 'DisabilityType',
  description: 'Kind of disability as classified by a medical committee.',
  valuesConfig: {
    PHYSICAL: { description: 'Physical (motor) disability: إعاقة حركية.' },
    VISUAL: { description: 'Visual impairment: إعاقة بصرية.' },
    HEARING: { description: 'Hearing impairment: إعاقة سمعية.' },
    SPEECH: { description: 'Speech impairment: إعاقة نطقية.' },
    INTELLECTUAL: { description: 'Intellectual disability: إعاقة ذهنية.' },
    PSYCHIATRIC: { description: 'Psychiatric disability: إعاقة نفسية.' },
    MULTIPLE: { description: 'More than one of the above: إعاقة متعددة.' },
  },
});

registerEnumType(DisabilityStatus, {
  name: 'DisabilityStatus',
  description: 'Where a disability record stands.',
  valuesConfig: {
    ACTIVE: { description: 'Valid: permanent, or its review date has not passed.' },
    UNDER_REVIEW: {
      description: 'The review date has come; the citizen awaits the committee’s review session.',
    },
    EXPIRED: { description: 'The review date passed without a review; no longer valid.' },
    REVOKED: { description: 'Withdrawn by a REVOCATION decision; no further decisions are accepted.' },
  },
});

registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  description: 'What a committee session decided about.',
  valuesConfig: {
    INITIAL: { description: 'First assessment of a citizen without a disability record.' },
    REVIEW: { description: 'Periodic re-assessment of an existing record.' },
    APPEAL: { description: 'Re-assessment after the citizen contested the previous decision.' },
    REVOCATION: { description: 'Withdraws the record: its status becomes REVOKED.' },
  },
});
