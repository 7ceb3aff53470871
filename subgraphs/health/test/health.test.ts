import { demoCitizens } from '../../../kit/demo/citizens';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';
import { MedicalCommittee } from '../entities/medical-committee.entity';
import { HEALTH_SCOPES } from '../scopes';
import { health } from '../subgraph';

const {
  disabilityRead: DISABILITY,
  disabilityMedicalRead: MEDICAL,
  committeeRead: COMMITTEE,
} = HEALTH_SCOPES;

describe('health subgraph', () => {
  let sg: RunningSubgraph;
  let records: DisabilityRecord[];
  beforeAll(async () => {
    sg = await startTestSubgraph(health);
    records = await sg.orm.em.fork().find(DisabilityRecord, {}, { orderBy: { id: 'asc' } });
  });
  afterAll(() => sg.close());

  const recordQuery = `query($id: ID!) { disabilityRecord(id: $id) {
    id citizen { nationalId } disabilityType percentage status validUntil updatedAt governorate { code }
  } }`;

  it('answers a disability record with its citizen stub', async () => {
    const r = records[0]!;
    const res = await callSubgraph(sg.url, recordQuery, { id: r.id }, testCaller([DISABILITY]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        disabilityRecord: {
          id: 'DR-00001',
          citizen: { nationalId: r.citizenNationalId },
          disabilityType: r.disabilityType,
          percentage: r.percentage,
          status: r.status,
          validUntil: r.validUntil ?? null,
          updatedAt: r.updatedAt,
          governorate: { code: r.governorateCode },
        },
      },
    });
  });

  it('answers null for an unknown record ID', async () => {
    const res = await callSubgraph(sg.url, recordQuery, { id: 'DR-99999' }, testCaller([DISABILITY]));
    expect(res.body).toEqual({ data: { disabilityRecord: null } });
  });

  it('refuses the medical notes without the medical scope, and answers the rest', async () => {
    const r = records[0]!;
    const query = 'query($id: ID!) { disabilityRecord(id: $id) { id percentage medicalNotes } }';
    const res = await callSubgraph(sg.url, query, { id: r.id }, testCaller([DISABILITY]));
    expect(res.body).toEqual({
      data: { disabilityRecord: { id: r.id, percentage: r.percentage, medicalNotes: null } },
      errors: [
        {
          message: 'DisabilityRecord.medicalNotes needs scope health.disability.medical:read.',
          path: ['disabilityRecord', 'medicalNotes'],
          locations: expect.any(Array),
          extensions: { code: 'FORBIDDEN', missingScopes: [MEDICAL] },
        },
      ],
    });

    const allowed = await callSubgraph(sg.url, query, { id: r.id }, testCaller([DISABILITY, MEDICAL]));
    expect(allowed.body).toEqual({
      data: { disabilityRecord: { id: r.id, percentage: r.percentage, medicalNotes: r.medicalNotes } },
    });
    expect(r.medicalNotes).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses the records to a caller without the disability scope', async () => {
    const res = await callSubgraph(
      sg.url,
      '{ disabilityRecords { totalCount } }',
      {},
      testCaller([COMMITTEE]),
    );
    expect(res.body).toEqual({
      data: { disabilityRecords: null },
      errors: [
        {
          message: 'Query.disabilityRecords needs scope health.disability:read.',
          path: ['disabilityRecords'],
          locations: expect.any(Array),
          extensions: { code: 'FORBIDDEN', missingScopes: [DISABILITY] },
        },
      ],
    });
  });

  it('answers the latest decision with the committee scope only', async () => {
    const r = records[1]!;
    const decision = await sg.orm.em.fork().findOneOrFail(CommitteeDecision, { id: r.lastDecisionId! });
    const query = `query($id: ID!) { disabilityRecord(id: $id) {
      percentage lastDecision { id kind percentage sessionDate committee { id } }
    } }`;
    const allowed = await callSubgraph(sg.url, query, { id: r.id }, testCaller([DISABILITY, COMMITTEE]));
    expect(allowed.body).toEqual({
      data: {
        disabilityRecord: {
          percentage: r.percentage,
          lastDecision: {
            id: decision.id,
            kind: decision.kind,
            percentage: r.percentage,
            sessionDate: decision.sessionDate,
            committee: { id: decision.committeeId },
          },
        },
      },
    });

    const refused = await callSubgraph(sg.url, query, { id: r.id }, testCaller([DISABILITY]));
    expect(refused.body).toEqual({
      data: { disabilityRecord: { percentage: r.percentage, lastDecision: null } },
      errors: [
        {
          message: 'DisabilityRecord.lastDecision needs scope health.committee:read.',
          path: ['disabilityRecord', 'lastDecision'],
          locations: expect.any(Array),
          extensions: { code: 'FORBIDDEN', missingScopes: [COMMITTEE] },
        },
      ],
    });
  });

  describe('Citizen through _entities (as the router asks)', () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Citizen { disabilityRecords { percentage } }
    } }`;
    const reps = (ids: string[]) => ids.map((nationalId) => ({ __typename: 'Citizen', nationalId }));

    it('answers each citizen’s records, empty for a citizen without one', async () => {
      const r = records[0]!;
      const without = demoCitizens().find((c) => !records.some((x) => x.citizenNationalId === c.nationalId))!;
      const res = await callSubgraph(
        sg.url,
        entities,
        { r: reps([r.citizenNationalId, without.nationalId]) },
        testCaller([DISABILITY]),
      );
      expect(res.body).toEqual({
        data: {
          _entities: [{ disabilityRecords: [{ percentage: r.percentage }] }, { disabilityRecords: [] }],
        },
      });
    });

    it('costs the same SQL for 1, 10 and 50 citizens (one batched query)', async () => {
      const costs: number[] = [];
      for (const n of [1, 10, 50]) {
        const slice = records.slice(0, n);
        sg.stats.sql = 0;
        const res = await callSubgraph(
          sg.url,
          entities,
          { r: reps(slice.map((r) => r.citizenNationalId)) },
          testCaller([DISABILITY]),
        );
        costs.push(sg.stats.sql);
        expect(res.body).toEqual({
          data: { _entities: slice.map((r) => ({ disabilityRecords: [{ percentage: r.percentage }] })) },
        });
      }
      expect(costs).toEqual([1, 1, 1]);
    });

    it('answers committee decisions oldest first, and refuses them without the committee scope', async () => {
      const r = records[1]!;
      const decisions = await sg.orm.em
        .fork()
        .find(
          CommitteeDecision,
          { citizenNationalId: r.citizenNationalId },
          { orderBy: { createdAt: 'asc' } },
        );
      const query = `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Citizen { nationalId committeeDecisions { id kind } }
      } }`;
      const res = await callSubgraph(
        sg.url,
        query,
        { r: reps([r.citizenNationalId]) },
        testCaller([COMMITTEE]),
      );
      expect(res.body).toEqual({
        data: {
          _entities: [
            {
              nationalId: r.citizenNationalId,
              committeeDecisions: decisions.map((d) => ({ id: d.id, kind: d.kind })),
            },
          ],
        },
      });
      expect(decisions[decisions.length - 1]!.id).toBe(r.lastDecisionId);

      const refused = await callSubgraph(
        sg.url,
        query,
        { r: reps([r.citizenNationalId]) },
        testCaller([DISABILITY]),
      );
      expect(refused.body).toEqual({
        data: { _entities: [{ nationalId: r.citizenNationalId, committeeDecisions: null }] },
        errors: [
          {
            message: 'Citizen.committeeDecisions needs scope health.committee:read.',
            path: ['_entities', 0, 'committeeDecisions'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [COMMITTEE] },
          },
        ],
      });
    });

    it('resolves owned entities by key', async () => {
      const r = records[2]!;
      const res = await callSubgraph(
        sg.url,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on DisabilityRecord { id percentage }
          ... on MedicalCommittee { id nameEn }
          ... on CommitteeDecision { id kind }
        } }`,
        {
          r: [
            { __typename: 'DisabilityRecord', id: r.id },
            { __typename: 'MedicalCommittee', id: 'MC-BGD-1' },
            { __typename: 'CommitteeDecision', id: r.lastDecisionId },
            { __typename: 'DisabilityRecord', id: 'DR-99999' },
          ],
        },
        testCaller([DISABILITY, COMMITTEE]),
      );
      const decision = await sg.orm.em.fork().findOneOrFail(CommitteeDecision, { id: r.lastDecisionId! });
      expect(res.body).toEqual({
        data: {
          _entities: [
            { id: r.id, percentage: r.percentage },
            { id: 'MC-BGD-1', nameEn: 'Main Medical Committee, Baghdad' },
            { id: decision.id, kind: decision.kind },
            null,
          ],
        },
      });
    });
  });

  describe('pagination', () => {
    const pageQuery = `query($first: Int, $after: String, $filter: DisabilityRecordFilter) {
      disabilityRecords(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id } }
      }
    }`;
    type PageBody = {
      disabilityRecords: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { id: string } }[];
      };
    };
    const page = async (variables: Record<string, unknown>) => {
      const res = await callSubgraph(sg.url, pageQuery, variables, testCaller([DISABILITY]));
      expect(res.body.errors).toBeUndefined();
      return (res.body.data as PageBody).disabilityRecords;
    };

    it('walks the list with first/after, counting the whole list', async () => {
      const first = await page({ first: 5 });
      expect(first).toEqual({
        totalCount: records.length,
        pageInfo: {
          hasNextPage: true,
          hasPreviousPage: false,
          startCursor: first.edges[0]!.cursor,
          endCursor: first.edges[4]!.cursor,
        },
        edges: ['DR-00001', 'DR-00002', 'DR-00003', 'DR-00004', 'DR-00005'].map((id) => ({
          cursor: expect.any(String),
          node: { id },
        })),
      });
      const second = await page({ first: 5, after: first.pageInfo.endCursor });
      expect(second.edges.map((e) => e.node.id)).toEqual([
        'DR-00006',
        'DR-00007',
        'DR-00008',
        'DR-00009',
        'DR-00010',
      ]);
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const p: PageBody['disabilityRecords'] = await page({ first: 100, after });
        seen.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(seen).toEqual(records.map((r) => r.id));
      expect(records.length).toBeGreaterThanOrEqual(200);
    });

    it('refuses a page above 100 with PAGE_SIZE_EXCEEDED', async () => {
      const res = await callSubgraph(sg.url, pageQuery, { first: 101 }, testCaller([DISABILITY]));
      expect(res.body).toEqual({
        data: { disabilityRecords: null },
        errors: [
          {
            message: '`first` may be at most 100; got 101. Page with `after`.',
            path: ['disabilityRecords'],
            locations: expect.any(Array),
            extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
          },
        ],
      });
    });

    it('filters by status, type, minimum percentage and governorate', async () => {
      const expired = await page({ first: 100, filter: { status: 'EXPIRED' } });
      const expected = records.filter((r) => r.status === 'EXPIRED');
      expect(expired.totalCount).toBe(expected.length);
      expect(expired.edges.map((e) => e.node.id)).toEqual(expected.map((r) => r.id));

      const filter = { disabilityType: 'PHYSICAL', minPercentage: 60, governorate: 'BGD' };
      const narrow = await page({ first: 100, filter });
      const matching = records.filter(
        (r) => r.disabilityType === 'PHYSICAL' && r.percentage >= 60 && r.governorateCode === 'BGD',
      );
      expect(matching.length).toBeGreaterThan(0);
      expect(narrow.edges.map((e) => e.node.id)).toEqual(matching.map((r) => r.id));
    });

    it('refuses an unknown governorate and a percentage out of range', async () => {
      const res = await callSubgraph(
        sg.url,
        pageQuery,
        { filter: { governorate: 'XYZ' } },
        testCaller([DISABILITY]),
      );
      expect(res.body).toEqual({
        data: { disabilityRecords: null },
        errors: [
          {
            message: 'Unknown governorate "XYZ"; use a code such as BGD, BSR or NIN.',
            path: ['disabilityRecords'],
            locations: expect.any(Array),
            extensions: { code: 'BAD_USER_INPUT', argument: 'filter.governorate' },
          },
        ],
      });
      const pct = await callSubgraph(
        sg.url,
        pageQuery,
        { filter: { minPercentage: 120 } },
        testCaller([DISABILITY]),
      );
      expect(pct.body.errors).toEqual([
        expect.objectContaining({
          message: 'minPercentage must be from 0 to 100; got 120.',
          extensions: { code: 'BAD_USER_INPUT', argument: 'filter.minPercentage' },
        }),
      ]);
    });

    it('costs one query per relation for a page, whatever its size', async () => {
      const query = `{ disabilityRecords(first: 50) { edges { node {
        id citizen { nationalId } lastDecision { id committee { id name } }
      } } } }`;
      sg.stats.sql = 0;
      const res = await callSubgraph(sg.url, query, {}, testCaller([DISABILITY, COMMITTEE]));
      expect(res.body.errors).toBeUndefined();
      // The page, its latest decisions, their committees.
      expect(sg.stats.sql).toBe(3);
    });
  });

  describe('committee decisions', () => {
    const query = `query($filter: CommitteeDecisionFilter) {
      committeeDecisions(first: 100, filter: $filter) { totalCount edges { node { id citizen { nationalId } committee { id } } } }
    }`;

    it('lists a citizen’s decisions and a committee’s decisions', async () => {
      const r = records[3]!;
      const em = sg.orm.em.fork();
      const ofCitizen = await em.find(
        CommitteeDecision,
        { citizenNationalId: r.citizenNationalId },
        { orderBy: { id: 'asc' } },
      );
      const res = await callSubgraph(
        sg.url,
        query,
        { filter: { citizenNationalId: r.citizenNationalId } },
        testCaller([COMMITTEE]),
      );
      expect(res.body).toEqual({
        data: {
          committeeDecisions: {
            totalCount: ofCitizen.length,
            edges: ofCitizen.map((d) => ({
              node: {
                id: d.id,
                citizen: { nationalId: r.citizenNationalId },
                committee: { id: d.committeeId },
              },
            })),
          },
        },
      });

      const ofCommittee = await em.count(CommitteeDecision, { committeeId: 'MC-BSR-2' });
      const byCommittee = await callSubgraph(
        sg.url,
        'query($f: CommitteeDecisionFilter) { committeeDecisions(filter: $f) { totalCount } }',
        { f: { committeeId: 'MC-BSR-2' } },
        testCaller([COMMITTEE]),
      );
      expect(ofCommittee).toBeGreaterThan(0);
      expect(byCommittee.body).toEqual({ data: { committeeDecisions: { totalCount: ofCommittee } } });
    });

    it('refuses an invalid national ID in the filter', async () => {
      const res = await callSubgraph(
        sg.url,
        query,
        { filter: { citizenNationalId: '123' } },
        testCaller([COMMITTEE]),
      );
      expect(res.body).toEqual({
        data: { committeeDecisions: null },
        errors: [
          {
            message: '"123" is not a valid national ID: it must be 12 digits, not starting with 0.',
            path: ['committeeDecisions'],
            locations: expect.any(Array),
            extensions: { code: 'INVALID_NATIONAL_ID', argument: 'filter.citizenNationalId' },
          },
        ],
      });
    });
  });

  describe('medical committees', () => {
    it('lists every committee to any authenticated client', async () => {
      const all = await sg.orm.em.fork().find(MedicalCommittee, {}, { orderBy: { id: 'asc' } });
      const res = await callSubgraph(
        sg.url,
        '{ medicalCommittees { id name nameEn active governorate { code nameEn } } }',
        {},
        testCaller([]),
      );
      expect(res.body).toEqual({
        data: {
          medicalCommittees: all.map((c) => ({
            id: c.id,
            name: c.name,
            nameEn: c.nameEn,
            active: c.active,
            governorate: { code: c.governorateCode, nameEn: expect.any(String) },
          })),
        },
      });
      expect(all.find((c) => c.id === 'MC-BGD-1')).toMatchObject({
        name: 'اللجنة الطبية الرئيسية في بغداد',
        nameEn: 'Main Medical Committee, Baghdad',
        active: true,
      });
    });

    it('refuses an anonymous caller', async () => {
      const res = await callSubgraph(sg.url, '{ medicalCommittees { id } }', {}, testCaller([], null));
      expect(res.body).toEqual({
        data: { medicalCommittees: null },
        errors: [
          {
            message: 'Query.medicalCommittees needs an authenticated client.',
            path: ['medicalCommittees'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [] },
          },
        ],
      });
    });
  });
});
