import { now } from '../../../kit/clock';
import { baghdadDate } from '../../../kit/secured-documents/baghdad-date';
import { urError } from '../../../kit/errors/ur-error';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { DecisionKind, DisabilityStatus, type DisabilityType } from '../entities/enums';

/**
 * What a medical committee may decide, and what its decision does to the citizen's disability
 * record. Pure functions: the resolver loads the committee, the record and its latest decision,
 * and calls these in order before writing anything.
 */
export interface DecisionInput {
  readonly citizenNationalId: string;
  readonly committeeId: string;
  readonly sessionDate: string;
  readonly kind: DecisionKind;
  readonly disabilityType: DisabilityType;
  readonly percentage: number;
  readonly permanent: boolean;
  readonly reviewDate?: string | null;
  readonly deliberations: string;
  readonly medicalNotes?: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today's date in Iraq (UTC+3 all year, no daylight saving), YYYY-MM-DD: the kit's clock. */
export function todayInIraq(at: Date = now()): string {
  return baghdadDate(at);
}

/** Checks the input on its own: national ID, percentage, dates and minutes. */
export function assertDecisionInput(input: DecisionInput, today: string): void {
  assertNationalId(input.citizenNationalId, 'input.citizenNationalId');
  if (!Number.isInteger(input.percentage) || input.percentage < 0 || input.percentage > 100) {
    throw urError(
      'BAD_USER_INPUT',
      `percentage must be a whole number from 0 to 100; got ${input.percentage}.`,
      { argument: 'input.percentage' },
    );
  }
  if (!isIsoDate(input.sessionDate)) {
    throw urError(
      'BAD_USER_INPUT',
      `sessionDate "${input.sessionDate}" is not a real date; write it as YYYY-MM-DD.`,
      { argument: 'input.sessionDate' },
    );
  }
  if (input.sessionDate > today) {
    throw urError(
      'BAD_USER_INPUT',
      `sessionDate ${input.sessionDate} is in the future; a decision is recorded on or after the day the committee sat.`,
      { argument: 'input.sessionDate' },
    );
  }
  const reviewDate = input.reviewDate ?? null;
  if (input.permanent && reviewDate !== null) {
    throw urError(
      'BAD_USER_INPUT',
      'reviewDate must be empty for a permanent disability; omit it, or set permanent to false.',
      { argument: 'input.reviewDate' },
    );
  }
  if (!input.permanent) {
    if (reviewDate === null) {
      throw urError(
        'BAD_USER_INPUT',
        'reviewDate is required when the disability is not permanent; give the date of the next review, or set permanent to true.',
        { argument: 'input.reviewDate' },
      );
    }
    if (!isIsoDate(reviewDate)) {
      throw urError(
        'BAD_USER_INPUT',
        `reviewDate "${reviewDate}" is not a real date; write it as YYYY-MM-DD.`,
        {
          argument: 'input.reviewDate',
        },
      );
    }
    if (reviewDate <= input.sessionDate) {
      throw urError(
        'BAD_USER_INPUT',
        `reviewDate ${reviewDate} must be after sessionDate ${input.sessionDate}.`,
        { argument: 'input.reviewDate' },
      );
    }
  }
  if (!input.deliberations.trim()) {
    throw urError('BAD_USER_INPUT', 'deliberations must not be empty; give the committee’s minutes.', {
      argument: 'input.deliberations',
    });
  }
}

/** The committee must exist and still sit. */
export function assertCommitteeCanSit<C extends { id: string; active: boolean }>(
  committee: C | null,
  committeeId: string,
): C {
  if (!committee) {
    throw urError('NOT_FOUND', `No medical committee "${committeeId}"; medicalCommittees lists them.`, {
      argument: 'input.committeeId',
    });
  }
  if (!committee.active) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Medical committee ${committee.id} is inactive; only an active committee records decisions.`,
      { argument: 'input.committeeId', committeeId: committee.id, state: 'INACTIVE' },
    );
  }
  return committee;
}

/**
 * The decision must fit the citizen's record: INITIAL only without one; REVIEW, APPEAL and
 * REVOCATION only on one that is not REVOKED; never dated before the record's latest decision.
 */
export function assertDecisionFits(
  input: Pick<DecisionInput, 'kind' | 'citizenNationalId' | 'sessionDate'>,
  record: { id: string; status: DisabilityStatus } | null,
  latest: { id: string; sessionDate: string } | null,
): void {
  const { kind, citizenNationalId } = input;
  if (record?.status === DisabilityStatus.REVOKED) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Disability record ${record.id} is REVOKED; it accepts no further decisions (${kind} refused).`,
      { recordId: record.id, state: record.status, kind },
    );
  }
  if (kind === DecisionKind.INITIAL && record) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Citizen ${citizenNationalId} already has disability record ${record.id} (${record.status}); an INITIAL decision is only for a citizen without one: record a REVIEW, APPEAL or REVOCATION.`,
      { recordId: record.id, state: record.status, kind },
    );
  }
  if (kind !== DecisionKind.INITIAL && !record) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Citizen ${citizenNationalId} has no disability record; a ${kind} decision needs one: record an INITIAL decision first.`,
      { state: 'NONE', kind },
    );
  }
  if (latest && input.sessionDate < latest.sessionDate) {
    throw urError(
      'BAD_USER_INPUT',
      `sessionDate ${input.sessionDate} is before the record’s latest decision ${latest.id} (${latest.sessionDate}); decisions are recorded in session order.`,
      { argument: 'input.sessionDate' },
    );
  }
}

/** What the decision makes of the record: REVOKED or ACTIVE, valid until the next review. */
export function recordStateAfter(input: Pick<DecisionInput, 'kind' | 'permanent' | 'reviewDate'>): {
  status: DisabilityStatus;
  validUntil: string | null;
} {
  return {
    status: input.kind === DecisionKind.REVOCATION ? DisabilityStatus.REVOKED : DisabilityStatus.ACTIVE,
    validUntil: input.permanent ? null : (input.reviewDate ?? null),
  };
}
