import { demoCitizens } from '../../../kit/demo/citizens';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';
import { DisabilityStatus } from '../entities/enums';
import { HEALTH_SCOPES } from '../scopes';
import { health } from '../subgraph';

const { disabilityRead, disabilityMedicalRead, committeeRead, committeeWrite } = HEALTH_SCOPES;
const CLERK = testCaller([committeeRead, committeeWrite]);
const READER = testCaller([disabilityRead, disabilityMedicalRead, committeeRead]);

const MUTATION = `mutation($input: RecordCommitteeDecisionInput!) {
  recordCommitteeDecision(input: $input) {
    id citizen { nationalId } committee { id } sessionDate kind disabilityType percentage
    reviewDate permanent deliberations createdAt
  }
}`;

const RECORD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
  disabilityRecords { id disabilityType percentage status validUntil medicalNotes updatedAt
    governorate { code } lastDecision { id } }
  committeeDecisions { id }
} } }`;

/** The day the demo data is written as of: after every seeded session, and not in the future. */
const SESSION = DEMO_REFERENCE_DATE;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('recordCommitteeDecision', () => {
  let sg: RunningSubgraph;
  let seeded: DisabilityRecord[];
  let withoutRecord: string[];
  beforeAll(async () => {
    sg = await startTestSubgraph(health);
    seeded = await sg.orm.em.fork().find(DisabilityRecord, {}, { orderBy: { id: 'asc' } });
    const holders = new Set(seeded.map((r) => r.citizenNationalId));
    withoutRecord = demoCitizens()
      .map((c) => c.nationalId)
      .filter((id) => !holders.has(id));
  });
  afterAll(() => sg.close());

  /** A seeded record of that status no other test has used (tests change the records they use). */
  const used = new Set<string>();
  const take = (status: DisabilityStatus) => {
    const found = seeded.find((r) => r.status === status && !used.has(r.id));
    if (!found) throw new Error(`the seed has no unused ${status} record`);
    used.add(found.id);
    return found;
  };

  /** A valid INITIAL decision for a citizen without a record (one no test gives a record to). */
  const input = (overrides: Record<string, unknown>) => ({
    citizenNationalId: withoutRecord[1],
    committeeId: 'MC-BGD-1',
    sessionDate: SESSION,
    kind: 'INITIAL',
    disabilityType: 'PHYSICAL',
    percentage: 60,
    permanent: false,
    reviewDate: '2028-11-01',
    deliberations: 'اجتمعت اللجنة وبعد الفحص السريري قررت بالإجماع تحديد نسبة العجز بـ 60% (إعاقة حركية).',
    medicalNotes: 'شلل نصفي أيسر إثر حادث سير.',
    ...overrides,
  });

  const citizenView = async (nationalId: string) => {
    const res = await callSubgraph(sg.url, RECORD, { r: [{ __typename: 'Citizen', nationalId }] }, READER);
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { _entities: Record<string, unknown>[] })._entities[0];
  };

  /** Everything the mutation could touch: row counts, and every row of both tables. */
  const snapshot = async () => {
    const em = sg.orm.em.fork();
    return {
      records: await em.count(DisabilityRecord),
      decisions: await em.count(CommitteeDecision),
      recordRows: JSON.stringify(await em.find(DisabilityRecord, {}, { orderBy: { id: 'asc' } })),
      decisionRows: JSON.stringify(await em.find(CommitteeDecision, {}, { orderBy: { id: 'asc' } })),
    };
  };

  /** Calls the mutation, expects exactly this one error and no data, and checks nothing changed. */
  const expectRefused = async (
    variables: Record<string, unknown>,
    error: { message: string; extensions: Record<string, unknown> },
    caller = CLERK,
  ) => {
    const before = await snapshot();
    const res = await callSubgraph(sg.url, MUTATION, { input: variables }, caller);
    expect(res.body).toEqual({
      data: null,
      errors: [{ ...error, path: ['recordCommitteeDecision'], locations: expect.any(Array) }],
    });
    expect(await snapshot()).toEqual(before);
  };

  it('records an INITIAL decision and creates the citizen’s record in the same transaction', async () => {
    const nationalId = withoutRecord[0]!;
    const before = await snapshot();
    const res = await callSubgraph(
      sg.url,
      MUTATION,
      { input: input({ citizenNationalId: nationalId }) },
      CLERK,
    );
    expect(res.body).toEqual({
      data: {
        recordCommitteeDecision: {
          id: expect.stringMatching(new RegExp(`^CD-${UUID}$`)),
          citizen: { nationalId },
          committee: { id: 'MC-BGD-1' },
          sessionDate: SESSION,
          kind: 'INITIAL',
          disabilityType: 'PHYSICAL',
          percentage: 60,
          reviewDate: '2028-11-01',
          permanent: false,
          deliberations: input({}).deliberations,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      },
    });
    const decision = (res.body.data as { recordCommitteeDecision: { id: string; createdAt: string } })
      .recordCommitteeDecision;
    expect(await citizenView(nationalId)).toEqual({
      disabilityRecords: [
        {
          id: expect.stringMatching(new RegExp(`^DR-${UUID}$`)),
          disabilityType: 'PHYSICAL',
          percentage: 60,
          status: 'ACTIVE',
          validUntil: '2028-11-01',
          medicalNotes: 'شلل نصفي أيسر إثر حادث سير.',
          updatedAt: decision.createdAt,
          governorate: { code: 'BGD' },
          lastDecision: { id: decision.id },
        },
      ],
      committeeDecisions: [{ id: decision.id }],
    });
    const after = await snapshot();
    expect([after.records, after.decisions]).toEqual([before.records + 1, before.decisions + 1]);
  });

  it('records a REVIEW of an EXPIRED record: new percentage and validity, ACTIVE again, notes kept', async () => {
    const record = take(DisabilityStatus.EXPIRED);
    const res = await callSubgraph(
      sg.url,
      MUTATION,
      {
        input: input({
          citizenNationalId: record.citizenNationalId,
          committeeId: 'MC-BSR-2',
          kind: 'REVIEW',
          disabilityType: record.disabilityType,
          percentage: 45,
          medicalNotes: null,
        }),
      },
      CLERK,
    );
    expect(res.body.errors).toBeUndefined();
    const decisionId = (res.body.data as { recordCommitteeDecision: { id: string } }).recordCommitteeDecision
      .id;
    const view = (await citizenView(record.citizenNationalId)) as {
      disabilityRecords: unknown[];
      committeeDecisions: { id: string }[];
    };
    expect(view.disabilityRecords).toEqual([
      {
        id: record.id,
        disabilityType: record.disabilityType,
        percentage: 45,
        status: 'ACTIVE',
        validUntil: '2028-11-01',
        medicalNotes: record.medicalNotes,
        updatedAt: expect.any(String),
        governorate: { code: 'BSR' },
        lastDecision: { id: decisionId },
      },
    ]);
    expect(view.committeeDecisions[view.committeeDecisions.length - 1]).toEqual({ id: decisionId });
  });

  it('records a permanent APPEAL on a record UNDER_REVIEW: valid with no end date', async () => {
    const record = take(DisabilityStatus.UNDER_REVIEW);
    const res = await callSubgraph(
      sg.url,
      MUTATION,
      {
        input: input({
          citizenNationalId: record.citizenNationalId,
          kind: 'APPEAL',
          disabilityType: 'MULTIPLE',
          percentage: 80,
          permanent: true,
          reviewDate: null,
        }),
      },
      CLERK,
    );
    expect(res.body.errors).toBeUndefined();
    expect(await citizenView(record.citizenNationalId)).toMatchObject({
      disabilityRecords: [
        { id: record.id, disabilityType: 'MULTIPLE', percentage: 80, status: 'ACTIVE', validUntil: null },
      ],
    });
  });

  it('records a REVOCATION: the record becomes REVOKED and accepts nothing more', async () => {
    const record = take(DisabilityStatus.ACTIVE);
    const revoke = input({
      citizenNationalId: record.citizenNationalId,
      kind: 'REVOCATION',
      disabilityType: record.disabilityType,
      percentage: 10,
      permanent: true,
      reviewDate: null,
    });
    const res = await callSubgraph(sg.url, MUTATION, { input: revoke }, CLERK);
    expect(res.body.errors).toBeUndefined();
    expect(await citizenView(record.citizenNationalId)).toMatchObject({
      disabilityRecords: [{ id: record.id, percentage: 10, status: 'REVOKED', validUntil: null }],
    });
    await expectRefused(
      { ...revoke, kind: 'APPEAL' },
      {
        message: `Disability record ${record.id} is REVOKED; it accepts no further decisions (APPEAL refused).`,
        extensions: {
          code: 'INVALID_STATE_TRANSITION',
          recordId: record.id,
          state: 'REVOKED',
          kind: 'APPEAL',
        },
      },
    );
  });

  describe('refuses, changing nothing', () => {
    it('an invalid national ID', () =>
      expectRefused(input({ citizenNationalId: '123456789012' }), {
        message: '"123456789012" is not a valid national ID: its check digit is wrong.',
        extensions: { code: 'INVALID_NATIONAL_ID', argument: 'input.citizenNationalId' },
      }));

    it('an unknown committee', () =>
      expectRefused(input({ committeeId: 'MC-XXX-1' }), {
        message: 'No medical committee "MC-XXX-1"; medicalCommittees lists them.',
        extensions: { code: 'NOT_FOUND', argument: 'input.committeeId' },
      }));

    it('an inactive committee', () =>
      expectRefused(input({ committeeId: 'MC-NIN-2' }), {
        message: 'Medical committee MC-NIN-2 is inactive; only an active committee records decisions.',
        extensions: {
          code: 'INVALID_STATE_TRANSITION',
          argument: 'input.committeeId',
          committeeId: 'MC-NIN-2',
          state: 'INACTIVE',
        },
      }));

    it('a percentage above 100', () =>
      expectRefused(input({ percentage: 101 }), {
        message: 'percentage must be a whole number from 0 to 100; got 101.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.percentage' },
      }));

    it('a session date that is not a date', () =>
      expectRefused(input({ sessionDate: '2026-02-30' }), {
        message: 'sessionDate "2026-02-30" is not a real date; write it as YYYY-MM-DD.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
      }));

    it('a session date in the future', () =>
      expectRefused(input({ sessionDate: '2999-01-01', reviewDate: '3001-01-01' }), {
        message:
          'sessionDate 2999-01-01 is in the future; a decision is recorded on or after the day the committee sat.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
      }));

    it('no review date for a disability that is not permanent', () =>
      expectRefused(input({ reviewDate: null }), {
        message:
          'reviewDate is required when the disability is not permanent; give the date of the next review, or set permanent to true.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
      }));

    it('a review date for a permanent disability', () =>
      expectRefused(input({ permanent: true }), {
        message: 'reviewDate must be empty for a permanent disability; omit it, or set permanent to false.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
      }));

    it('a review date not after the session', () =>
      expectRefused(input({ reviewDate: '2026-10-01' }), {
        message: `reviewDate 2026-10-01 must be after sessionDate ${SESSION}.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.reviewDate' },
      }));

    it('empty minutes', () =>
      expectRefused(input({ deliberations: ' ' }), {
        message: 'deliberations must not be empty; give the committee’s minutes.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.deliberations' },
      }));

    it('an INITIAL decision for a citizen who has a record', () => {
      const record = take(DisabilityStatus.UNDER_REVIEW);
      return expectRefused(input({ citizenNationalId: record.citizenNationalId }), {
        message: `Citizen ${record.citizenNationalId} already has disability record ${record.id} (${record.status}); an INITIAL decision is only for a citizen without one: record a REVIEW, APPEAL or REVOCATION.`,
        extensions: {
          code: 'INVALID_STATE_TRANSITION',
          recordId: record.id,
          state: record.status,
          kind: 'INITIAL',
        },
      });
    });

    it('a REVIEW for a citizen without a record', () =>
      expectRefused(input({ citizenNationalId: withoutRecord[1], kind: 'REVIEW' }), {
        message: `Citizen ${withoutRecord[1]} has no disability record; a REVIEW decision needs one: record an INITIAL decision first.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', state: 'NONE', kind: 'REVIEW' },
      }));

    it('an APPEAL on a seeded REVOKED record', () => {
      const record = take(DisabilityStatus.REVOKED);
      return expectRefused(input({ citizenNationalId: record.citizenNationalId, kind: 'APPEAL' }), {
        message: `Disability record ${record.id} is REVOKED; it accepts no further decisions (APPEAL refused).`,
        extensions: {
          code: 'INVALID_STATE_TRANSITION',
          recordId: record.id,
          state: 'REVOKED',
          kind: 'APPEAL',
        },
      });
    });

    it('a session dated before the record’s latest decision', async () => {
      const record = take(DisabilityStatus.ACTIVE);
      const latest = await sg.orm.em.fork().findOneOrFail(CommitteeDecision, { id: record.lastDecisionId! });
      const day = new Date(`${latest.sessionDate}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() - 1);
      const sessionDate = day.toISOString().slice(0, 10);
      return expectRefused(
        input({ citizenNationalId: record.citizenNationalId, kind: 'REVIEW', sessionDate }),
        {
          message: `sessionDate ${sessionDate} is before the record’s latest decision ${latest.id} (${latest.sessionDate}); decisions are recorded in session order.`,
          extensions: { code: 'BAD_USER_INPUT', argument: 'input.sessionDate' },
        },
      );
    });

    it('a caller without the write scope (the shield stops it before the resolver runs)', () =>
      expectRefused(
        input({}),
        {
          message: 'Mutation.recordCommitteeDecision needs scope health.committee:write.',
          extensions: { code: 'FORBIDDEN', missingScopes: [committeeWrite] },
        },
        testCaller([committeeRead]),
      ));

    it('a writer that may not read the decision it returns', () =>
      expectRefused(
        input({}),
        {
          message: 'Mutation.recordCommitteeDecision needs scope health.committee:read.',
          extensions: { code: 'FORBIDDEN', missingScopes: [committeeRead] },
        },
        testCaller([committeeWrite]),
      ));
  });
});
