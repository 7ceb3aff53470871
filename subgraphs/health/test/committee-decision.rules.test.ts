import type { GraphQLError } from 'graphql';
import { DecisionKind, DisabilityStatus, DisabilityType } from '../entities/enums';
import {
  assertCommitteeCanSit,
  assertDecisionFits,
  assertDecisionInput,
  type DecisionInput,
  isIsoDate,
  recordStateAfter,
  todayInIraq,
} from '../rules/committee-decision.rules';

const TODAY = '2026-11-01';

const valid: DecisionInput = {
  citizenNationalId: '119900000017',
  committeeId: 'MC-BGD-1',
  sessionDate: '2026-10-20',
  kind: DecisionKind.INITIAL,
  disabilityType: DisabilityType.PHYSICAL,
  percentage: 60,
  permanent: false,
  reviewDate: '2028-10-20',
  deliberations: 'قررت اللجنة بالإجماع تحديد نسبة العجز بـ 60%.',
  medicalNotes: null,
};

/** The error a rule throws, as the caller would see its code, message and details. */
function thrown(fn: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    const { http: _http, ...rest } = extensions;
    return { message, extensions: rest };
  }
  throw new Error('expected the rule to refuse');
}

describe('isIsoDate and todayInIraq', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('01/02/2026')).toBe(false);
  });

  it('turns the date in Baghdad (UTC+3), not in UTC', () => {
    expect(todayInIraq(new Date('2026-11-01T20:59:59Z'))).toBe('2026-11-01');
    expect(todayInIraq(new Date('2026-11-01T21:00:00Z'))).toBe('2026-11-02');
  });
});

describe('assertDecisionInput', () => {
  it('accepts a complete decision, permanent or with a review date', () => {
    expect(() => assertDecisionInput(valid, TODAY)).not.toThrow();
    expect(() => assertDecisionInput({ ...valid, permanent: true, reviewDate: null }, TODAY)).not.toThrow();
    expect(() => assertDecisionInput({ ...valid, sessionDate: TODAY, percentage: 0 }, TODAY)).not.toThrow();
    expect(() => assertDecisionInput({ ...valid, percentage: 100 }, TODAY)).not.toThrow();
  });

  it('refuses an invalid national ID', () => {
    expect(thrown(() => assertDecisionInput({ ...valid, citizenNationalId: '119900000016' }, TODAY))).toEqual(
      {
        message: '"119900000016" is not a valid national ID: its check digit is wrong.',
        extensions: { code: 'INVALID_NATIONAL_ID', argument: 'input.citizenNationalId' },
      },
    );
  });

  it.each([-5, 101, 50.5])('refuses percentage %p', (percentage) => {
    expect(thrown(() => assertDecisionInput({ ...valid, percentage }, TODAY))).toEqual({
      message: `percentage must be a whole number from 0 to 100; got ${percentage}.`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.percentage' },
    });
  });

  it('refuses a session date that is not a date, or is in the future', () => {
    expect(thrown(() => assertDecisionInput({ ...valid, sessionDate: '2026-02-30' }, TODAY))).toEqual({
      message: 'sessionDate "2026-02-30" is not a real date; write it as YYYY-MM-DD.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
    });
    expect(thrown(() => assertDecisionInput({ ...valid, sessionDate: '2026-11-02' }, TODAY))).toEqual({
      message:
        'sessionDate 2026-11-02 is in the future; a decision is recorded on or after the day the committee sat.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
    });
  });

  it('wants a review date exactly when the disability is not permanent, after the session', () => {
    expect(thrown(() => assertDecisionInput({ ...valid, reviewDate: null }, TODAY))).toEqual({
      message:
        'reviewDate is required when the disability is not permanent; give the date of the next review, or set permanent to true.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
    });
    expect(thrown(() => assertDecisionInput({ ...valid, permanent: true }, TODAY))).toEqual({
      message: 'reviewDate must be empty for a permanent disability; omit it, or set permanent to false.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
    });
    expect(thrown(() => assertDecisionInput({ ...valid, reviewDate: '2028-02-30' }, TODAY))).toEqual({
      message: 'reviewDate "2028-02-30" is not a real date; write it as YYYY-MM-DD.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
    });
    expect(thrown(() => assertDecisionInput({ ...valid, reviewDate: valid.sessionDate }, TODAY))).toEqual({
      message: 'reviewDate 2026-10-20 must be after sessionDate 2026-10-20.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
    });
  });

  it('refuses empty minutes', () => {
    expect(thrown(() => assertDecisionInput({ ...valid, deliberations: '  ' }, TODAY))).toEqual({
      message: 'deliberations must not be empty; give the committee’s minutes.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.deliberations' },
    });
  });
});

describe('assertCommitteeCanSit', () => {
  it('returns an active committee', () => {
    const committee = { id: 'MC-BGD-1', active: true };
    expect(assertCommitteeCanSit(committee, 'MC-BGD-1')).toBe(committee);
  });

  it('refuses a missing committee (NOT_FOUND) and an inactive one (INVALID_STATE_TRANSITION)', () => {
    expect(thrown(() => assertCommitteeCanSit(null, 'MC-XXX-9'))).toEqual({
      message: 'No medical committee "MC-XXX-9"; medicalCommittees lists them.',
      extensions: { code: 'NOT_FOUND', argument: 'input.committeeId' },
    });
    expect(thrown(() => assertCommitteeCanSit({ id: 'MC-NIN-2', active: false }, 'MC-NIN-2'))).toEqual({
      message: 'Medical committee MC-NIN-2 is inactive; only an active committee records decisions.',
      extensions: {
        code: 'INVALID_STATE_TRANSITION',
        argument: 'input.committeeId',
        committeeId: 'MC-NIN-2',
        state: 'INACTIVE',
      },
    });
  });
});

describe('assertDecisionFits', () => {
  const id = valid.citizenNationalId;
  const record = (status: DisabilityStatus) => ({ id: 'DR-00001', status });
  const latest = { id: 'CD-000001', sessionDate: '2025-06-01' };

  it('allows INITIAL without a record, and the other kinds on a record not revoked', () => {
    expect(() => assertDecisionFits(valid, null, null)).not.toThrow();
    for (const status of [DisabilityStatus.ACTIVE, DisabilityStatus.UNDER_REVIEW, DisabilityStatus.EXPIRED]) {
      for (const kind of [DecisionKind.REVIEW, DecisionKind.APPEAL, DecisionKind.REVOCATION]) {
        expect(() => assertDecisionFits({ ...valid, kind }, record(status), latest)).not.toThrow();
      }
    }
  });

  it('refuses INITIAL when the citizen has a record', () => {
    expect(thrown(() => assertDecisionFits(valid, record(DisabilityStatus.ACTIVE), latest))).toEqual({
      message: `Citizen ${id} already has disability record DR-00001 (ACTIVE); an INITIAL decision is only for a citizen without one: record a REVIEW, APPEAL or REVOCATION.`,
      extensions: {
        code: 'INVALID_STATE_TRANSITION',
        recordId: 'DR-00001',
        state: 'ACTIVE',
        kind: 'INITIAL',
      },
    });
  });

  it.each([DecisionKind.REVIEW, DecisionKind.APPEAL, DecisionKind.REVOCATION])(
    'refuses %s without a record',
    (kind) => {
      expect(thrown(() => assertDecisionFits({ ...valid, kind }, null, null))).toEqual({
        message: `Citizen ${id} has no disability record; a ${kind} decision needs one: record an INITIAL decision first.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', state: 'NONE', kind },
      });
    },
  );

  it.each(Object.values(DecisionKind))('refuses %s on a REVOKED record', (kind) => {
    expect(
      thrown(() => assertDecisionFits({ ...valid, kind }, record(DisabilityStatus.REVOKED), latest)),
    ).toEqual({
      message: `Disability record DR-00001 is REVOKED; it accepts no further decisions (${kind} refused).`,
      extensions: { code: 'INVALID_STATE_TRANSITION', recordId: 'DR-00001', state: 'REVOKED', kind },
    });
  });

  it('refuses a session dated before the record’s latest decision', () => {
    const input = { ...valid, kind: DecisionKind.REVIEW, sessionDate: '2025-05-31' };
    expect(thrown(() => assertDecisionFits(input, record(DisabilityStatus.ACTIVE), latest))).toEqual({
      message:
        'sessionDate 2025-05-31 is before the record’s latest decision CD-000001 (2025-06-01); decisions are recorded in session order.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
    });
    expect(() =>
      assertDecisionFits({ ...input, sessionDate: '2025-06-01' }, record(DisabilityStatus.ACTIVE), latest),
    ).not.toThrow();
  });
});

describe('recordStateAfter', () => {
  it('makes the record ACTIVE until the review date, or permanently', () => {
    expect(recordStateAfter(valid)).toEqual({ status: 'ACTIVE', validUntil: '2028-10-20' });
    expect(
      recordStateAfter({ ...valid, kind: DecisionKind.APPEAL, permanent: true, reviewDate: null }),
    ).toEqual({
      status: 'ACTIVE',
      validUntil: null,
    });
  });

  it('makes a REVOCATION revoke the record', () => {
    expect(recordStateAfter({ kind: DecisionKind.REVOCATION, permanent: true, reviewDate: null })).toEqual({
      status: 'REVOKED',
      validUntil: null,
    });
  });
});
