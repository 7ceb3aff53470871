import { demoAdults } from '../../../kit/demo/citizens';
import { DEMO_REFERENCE_DATE, demoContractorIds } from '../../../kit/demo/shared-keys';
import { encodeCursor } from '../../../kit/graphql/paginate';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { ClassificationAction, ClassificationEvent } from '../entities/classification-event.entity';
import { Contractor, ContractorStatus } from '../entities/contractor.entity';
import { PLANNING_SCOPES } from '../scopes';
import { seedPlanning } from '../seed';
import { planning } from '../subgraph';

const READ = PLANNING_SCOPES.contractorRead;
const ANONYMOUS = testCaller([], null);
const REPRESENTATIONS = 'query($representations: [_Any!]!) { _entities(representations: $representations) {';

function forbidden(coordinate: string, path: (string | number)[]) {
  return {
    message: `${coordinate} needs scope ${READ}.`,
    path,
    locations: expect.any(Array),
    extensions: { code: 'FORBIDDEN', missingScopes: [READ] },
  };
}

describe('planning subgraph: the contractor registry', () => {
  let sg: RunningSubgraph;
  let all: Contractor[];
  let events: ClassificationEvent[];
  beforeAll(async () => {
    sg = await startTestSubgraph(planning);
    const em = sg.orm.em.fork();
    all = await em.find(Contractor, {}, { orderBy: { id: 'asc' } });
    events = await em.find(ClassificationEvent, {}, { orderBy: { id: 'asc' } });
  });
  afterAll(() => sg.close());

  const byId = (id: string) => all.find((c) => c.id === id)!;
  const idsWhere = (test: (c: Contractor) => boolean) => all.filter(test).map((c) => c.id);
  const historyOf = (id: string) => events.filter((e) => e.contractorId === id);

  describe('seed', () => {
    it('holds exactly the shared demo contractor IDs, with distinct names', () => {
      expect(all.map((c) => c.id)).toEqual(demoContractorIds());
      expect(new Set(all.map((c) => c.name)).size).toBe(60);
      expect(new Set(all.map((c) => c.nameEn)).size).toBe(60);
      expect(byId('CTR-0001')).toMatchObject({
        name: 'شركة الرافدين للمقاولات العامة',
        nameEn: 'Al-Rafidain General Contracting Company',
      });
    });

    it('is mostly ACTIVE, with a few suspended, two or three blacklisted and some expired', () => {
      const count = (s: ContractorStatus) => all.filter((c) => c.status === s).length;
      expect(count(ContractorStatus.BLACKLISTED)).toBeGreaterThanOrEqual(2);
      expect(count(ContractorStatus.BLACKLISTED)).toBeLessThanOrEqual(3);
      expect(count(ContractorStatus.SUSPENDED)).toBeGreaterThanOrEqual(3);
      expect(count(ContractorStatus.EXPIRED)).toBeGreaterThanOrEqual(5);
      expect(count(ContractorStatus.ACTIVE)).toBeGreaterThan(30);
    });

    it('weights grades to the middle and picks owners among adults', () => {
      const middle = all.filter((c) => c.grade >= 4 && c.grade <= 7).length;
      expect(middle).toBeGreaterThan(30);
      expect(all.every((c) => c.grade >= 1 && c.grade <= 10)).toBe(true);
      const adults = new Set(demoAdults().map((a) => a.nationalId));
      expect(all.every((c) => adults.has(c.ownerNationalId))).toBe(true);
    });

    it('dates validity against the reference date: expired before it, the others after it', () => {
      for (const c of all) {
        if (c.status === ContractorStatus.EXPIRED) expect(c.validUntil < DEMO_REFERENCE_DATE).toBe(true);
        else expect(c.validUntil >= DEMO_REFERENCE_DATE).toBe(true);
      }
    });

    it('gives each contractor 1–4 events, in order, consistent with its state', () => {
      const last: Record<ContractorStatus, ClassificationAction[]> = {
        ACTIVE: [
          ClassificationAction.CLASSIFIED,
          ClassificationAction.RENEWED,
          ClassificationAction.REGRADED,
          ClassificationAction.REINSTATED,
        ],
        SUSPENDED: [ClassificationAction.SUSPENDED],
        BLACKLISTED: [ClassificationAction.BLACKLISTED],
        EXPIRED: [ClassificationAction.EXPIRED],
      };
      for (const c of all) {
        const h = historyOf(c.id);
        expect(h.length).toBeGreaterThanOrEqual(1);
        expect(h.length).toBeLessThanOrEqual(4);
        expect(h[0]!.action).toBe(ClassificationAction.CLASSIFIED);
        expect(last[c.status]).toContain(h[h.length - 1]!.action);
        expect(h[h.length - 1]!.grade).toBe(c.grade);
        expect(h.map((e) => e.at)).toEqual([...h.map((e) => e.at)].sort());
        expect(h.every((e) => e.at <= DEMO_REFERENCE_DATE && e.byAgency === 'MOP')).toBe(true);
      }
    });

    it('is deterministic', async () => {
      const run = async () => {
        const rows: unknown[] = [];
        const em = { create: (type: { name: string }, data: unknown) => rows.push([type.name, data]) };
        await seedPlanning({ ...em, flush: async () => undefined } as never);
        return rows;
      };
      expect(await run()).toEqual(await run());
    });
  });

  describe('the public registry', () => {
    it('answers an anonymous caller name, grade and status; the file’s fields are FORBIDDEN and null', async () => {
      const c = byId('CTR-0001');
      const res = await callSubgraph(
        sg.url,
        '{ contractor(id: "CTR-0001") { id name nameEn grade status specializations owner { nationalId } } }',
        {},
        ANONYMOUS,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: {
          contractor: {
            id: 'CTR-0001',
            name: c.name,
            nameEn: c.nameEn,
            grade: c.grade,
            status: c.status,
            specializations: null,
            owner: null,
          },
        },
        errors: [
          forbidden('Contractor.specializations', ['contractor', 'specializations']),
          {
            message: `Contractor.owner needs scope ${READ} and a declared purpose (ur-purpose header) for personal data.`,
            path: ['contractor', 'owner'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [READ], missingPolicies: ['personal-data'] },
          },
        ],
      });
      // A denied owner reveals nobody, so nobody is reported to the audit.
      expect(res.extensions).toBeUndefined();
    });

    it('lists the registry to an anonymous caller', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ contractors(first: 3) { totalCount edges { node { id name grade status } } } }',
        {},
        ANONYMOUS,
      );
      expect(res.body).toEqual({
        data: {
          contractors: {
            totalCount: 60,
            edges: all.slice(0, 3).map((c) => ({
              node: { id: c.id, name: c.name, grade: c.grade, status: c.status },
            })),
          },
        },
      });
    });

    it('keeps every restricted field from a client without planning.contractor:read', async () => {
      const res = await callSubgraph(
        sg.url,
        `{ contractor(id: "CTR-0002") { name registrationNumber governorate { code } classifiedAt validUntil
             history { action } } }`,
        {},
        testCaller(['identity.citizen.basic:read']),
      );
      expect(res.body).toEqual({
        data: {
          contractor: {
            name: byId('CTR-0002').name,
            registrationNumber: null,
            governorate: null,
            classifiedAt: null,
            validUntil: null,
            history: null,
          },
        },
        errors: ['registrationNumber', 'governorate', 'classifiedAt', 'validUntil', 'history'].map((f) =>
          forbidden(`Contractor.${f}`, ['contractor', f]),
        ),
      });
    });

    it('answers the whole file, history oldest first, with planning.contractor:read', async () => {
      const id = 'CTR-0001';
      const c = byId(id);
      const res = await callSubgraph(
        sg.url,
        `query($id: ID!) { contractor(id: $id) { id grade status specializations registrationNumber
           governorate { code } classifiedAt validUntil owner { nationalId }
           history { id action grade reason at byAgency } } }`,
        { id },
        testCaller([READ]),
      );
      expect(res.body).toEqual({
        data: {
          contractor: {
            id,
            grade: c.grade,
            status: c.status,
            specializations: c.specializations(),
            registrationNumber: c.registrationNumber,
            governorate: { code: c.governorateCode },
            classifiedAt: c.classifiedAt,
            validUntil: c.validUntil,
            owner: { nationalId: c.ownerNationalId },
            history: historyOf(id).map((e) => ({
              id: e.id,
              action: e.action,
              grade: e.grade,
              reason: e.reason ?? null,
              at: e.at,
              byAgency: 'MOP',
            })),
          },
        },
      });
      // The owner is personal data: the router's audit learns whose it was.
      expect(res.extensions).toEqual({ urSubjects: [c.ownerNationalId] });
      expect(c.specializations().length).toBeGreaterThan(0);
      expect(historyOf(id).length).toBeGreaterThan(1);
    });

    it('keeps the owner, personal data, from a client that declared no purpose', async () => {
      const c = byId('CTR-0003');
      const res = await callSubgraph(
        sg.url,
        '{ contractor(id: "CTR-0003") { grade validUntil owner { nationalId } } }',
        {},
        { ...testCaller([READ]), purpose: null },
      );
      expect(res.body).toEqual({
        data: { contractor: { grade: c.grade, validUntil: c.validUntil, owner: null } },
        errors: [
          {
            message: 'Contractor.owner needs a declared purpose (ur-purpose header) for personal data.',
            path: ['contractor', 'owner'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [], missingPolicies: ['personal-data'] },
          },
        ],
      });
      expect(res.extensions).toBeUndefined();
    });

    it('answers null, not an error, for an unknown contractor', async () => {
      const res = await callSubgraph(sg.url, '{ contractor(id: "CTR-9999") { id } }', {}, ANONYMOUS);
      expect(res.body).toEqual({ data: { contractor: null } });
    });
  });

  describe('entities for the router', () => {
    it('resolves 1, 10 and 60 Contractor representations with one SQL query each', async () => {
      const sql: number[] = [];
      for (const n of [1, 10, 60]) {
        const ids = demoContractorIds().slice(0, n).reverse();
        sg.stats.sql = 0;
        const res = await callSubgraph(
          sg.url,
          `${REPRESENTATIONS} ... on Contractor { id name grade status } } }`,
          { representations: ids.map((id) => ({ __typename: 'Contractor', id })) },
          ANONYMOUS,
        );
        expect(res.body).toEqual({
          data: {
            _entities: ids.map((id) => {
              const c = byId(id);
              return { id, name: c.name, grade: c.grade, status: c.status };
            }),
          },
        });
        sql.push(sg.stats.sql);
      }
      expect(sql).toEqual([1, 1, 1]);
    });

    it('adds one query, not one per contractor, for the histories of 60 representations', async () => {
      const ids = demoContractorIds();
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        `${REPRESENTATIONS} ... on Contractor { id history { id } } } }`,
        { representations: ids.map((id) => ({ __typename: 'Contractor', id })) },
        testCaller([READ]),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({
        _entities: ids.map((id) => ({ id, history: historyOf(id).map((e) => ({ id: e.id })) })),
      });
      expect(sg.stats.sql).toBe(2);
    });

    it('answers null for a representation of an unknown contractor', async () => {
      const res = await callSubgraph(
        sg.url,
        `${REPRESENTATIONS} ... on Contractor { id } } }`,
        {
          representations: [
            { __typename: 'Contractor', id: 'CTR-0404' },
            { __typename: 'Contractor', id: 'CTR-0004' },
          ],
        },
        ANONYMOUS,
      );
      expect(res.body).toEqual({ data: { _entities: [null, { id: 'CTR-0004' }] } });
    });

    it('adds Citizen.contractors, with one query for all the citizens asked', async () => {
      const owners = [...new Set(all.map((c) => c.ownerNationalId))];
      const withTwo = owners.find((o) => all.filter((c) => c.ownerNationalId === o).length > 1);
      expect(withTwo).toBeDefined();
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        `${REPRESENTATIONS} ... on Citizen { nationalId contractors { id } } } }`,
        { representations: owners.map((nationalId) => ({ __typename: 'Citizen', nationalId })) },
        testCaller([READ]),
      );
      expect(res.body).toEqual({
        data: {
          _entities: owners.map((nationalId) => ({
            nationalId,
            contractors: idsWhere((c) => c.ownerNationalId === nationalId).map((id) => ({ id })),
          })),
        },
      });
      expect(res.extensions).toEqual({ urSubjects: owners });
      expect(sg.stats.sql).toBe(1);
    });

    it('keeps Citizen.contractors from a caller without planning.contractor:read', async () => {
      const nationalId = byId('CTR-0001').ownerNationalId;
      const res = await callSubgraph(
        sg.url,
        `${REPRESENTATIONS} ... on Citizen { nationalId contractors { id } } } }`,
        { representations: [{ __typename: 'Citizen', nationalId }] },
        testCaller([]),
      );
      expect(res.body).toEqual({
        data: { _entities: [{ nationalId, contractors: null }] },
        errors: [forbidden('Citizen.contractors', ['_entities', 0, 'contractors'])],
      });
      expect(res.extensions).toEqual({ urSubjects: [nationalId] });
    });
  });

  describe('filters and pagination', () => {
    const LIST = `query($filter: ContractorFilter, $first: Int, $after: String) {
      contractors(filter: $filter, first: $first, after: $after) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

    async function list(filter: Record<string, unknown>) {
      const res = await callSubgraph(sg.url, LIST, { filter, first: 100 }, ANONYMOUS);
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.contractors as { totalCount: number; edges: { node: { id: string } }[] };
      return { ids: page.edges.map((e) => e.node.id), totalCount: page.totalCount };
    }

    it('filters by status, grade, best grade, specialization and governorate', async () => {
      const cases: [Record<string, unknown>, (c: Contractor) => boolean][] = [
        [{ status: 'SUSPENDED' }, (c) => c.status === ContractorStatus.SUSPENDED],
        [{ grade: 5 }, (c) => c.grade === 5],
        [{ maxGrade: 3 }, (c) => c.grade <= 3],
        [{ specialization: 'ROADS_BRIDGES' }, (c) => c.specializationList.includes(',ROADS_BRIDGES,')],
        [{ governorate: 'BGD' }, (c) => c.governorateCode === 'BGD'],
        [
          { status: 'ACTIVE', maxGrade: 6, specialization: 'BUILDINGS' },
          (c) => c.status === 'ACTIVE' && c.grade <= 6 && c.specializations().includes('BUILDINGS' as never),
        ],
      ];
      for (const [filter, test] of cases) {
        const expected = idsWhere(test);
        expect(expected.length).toBeGreaterThan(0);
        expect(await list(filter)).toEqual({ ids: expected, totalCount: expected.length });
      }
    });

    it('finds names by an Arabic or English part, whatever the case, hamza or diacritics', async () => {
      const rafidain = idsWhere((c) => c.name.includes('الرافدين'));
      expect(rafidain.length).toBeGreaterThan(1);
      expect((await list({ nameContains: 'الرافدين' })).ids).toEqual(rafidain);
      expect((await list({ nameContains: 'al-RAFIDAIN' })).ids).toEqual(rafidain);
      const ashur = idsWhere((c) => c.name.includes('آشور'));
      expect(ashur.length).toBeGreaterThan(0);
      expect((await list({ nameContains: 'اشور' })).ids).toEqual(ashur);
      expect((await list({ nameContains: 'للطرق والجسور', governorate: 'BGD' })).ids).toEqual(
        idsWhere((c) => c.name.includes('للطرق والجسور') && c.governorateCode === 'BGD'),
      );
      expect(await list({ nameContains: 'no such company' })).toEqual({ ids: [], totalCount: 0 });
    });

    it('refuses an unknown governorate, a grade outside 1–10 and an empty name search', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [
          { governorate: 'XXX' },
          'Unknown governorate "XXX"; use a code such as BGD, BSR or NIN.',
          'filter.governorate',
        ],
        [
          { grade: 11 },
          '`filter.grade` must be a whole number from 1 (highest) to 10 (lowest); got 11.',
          'filter.grade',
        ],
        [
          { maxGrade: 0 },
          '`filter.maxGrade` must be a whole number from 1 (highest) to 10 (lowest); got 0.',
          'filter.maxGrade',
        ],
        [
          { nameContains: '%_' },
          '`filter.nameContains` must contain at least one letter or digit of an Arabic or English company name; got "%_".',
          'filter.nameContains',
        ],
      ];
      for (const [filter, message, argument] of cases) {
        const res = await callSubgraph(sg.url, LIST, { filter }, ANONYMOUS);
        expect(res.body).toEqual({
          data: null,
          errors: [
            {
              message,
              path: ['contractors'],
              locations: expect.any(Array),
              extensions: { code: 'BAD_USER_INPUT', argument },
            },
          ],
        });
      }
    });

    it('pages through the registry with first/after, in one query per page', async () => {
      const seen: string[] = [];
      const pages: unknown[] = [];
      let after: string | null = null;
      do {
        sg.stats.sql = 0;
        const res = await callSubgraph(
          sg.url,
          `query($after: String) { contractors(first: 25, after: $after) {
             edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
          { after },
          ANONYMOUS,
        );
        expect(res.body.errors).toBeUndefined();
        expect(sg.stats.sql).toBe(1);
        const page = res.body.data!.contractors as {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        };
        seen.push(...page.edges.map((e) => e.node.id));
        pages.push({ size: page.edges.length, ...page.pageInfo, endCursor: undefined });
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(demoContractorIds());
      expect(pages).toEqual([
        { size: 25, hasNextPage: true, hasPreviousPage: false, endCursor: undefined },
        { size: 25, hasNextPage: true, hasPreviousPage: true, endCursor: undefined },
        { size: 10, hasNextPage: false, hasPreviousPage: true, endCursor: undefined },
      ]);
    });

    it('counts the filtered list only when totalCount is asked, and cursors name the node', async () => {
      sg.stats.sql = 0;
      const res = await callSubgraph(sg.url, LIST, { filter: { grade: 5 }, first: 2 }, ANONYMOUS);
      expect(sg.stats.sql).toBe(2);
      const fives = idsWhere((c) => c.grade === 5);
      expect(res.body).toEqual({
        data: {
          contractors: {
            totalCount: fives.length,
            edges: fives.slice(0, 2).map((id) => ({ cursor: encodeCursor(id), node: { id } })),
            pageInfo: {
              hasNextPage: fives.length > 2,
              hasPreviousPage: false,
              startCursor: encodeCursor(fives[0]!),
              endCursor: encodeCursor(fives[1]!),
            },
          },
        },
      });
    });

    it('loads the histories of a page in one more query', async () => {
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        '{ contractors(first: 40) { edges { node { id history { action } } } } }',
        {},
        testCaller([READ]),
      );
      expect(res.body.errors).toBeUndefined();
      expect(sg.stats.sql).toBe(2);
    });

    it('refuses a page over 100 with PAGE_SIZE_EXCEEDED', async () => {
      const res = await callSubgraph(sg.url, LIST, { first: 101 }, ANONYMOUS);
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: '`first` may be at most 100; got 101. Page with `after`.',
            path: ['contractors'],
            locations: expect.any(Array),
            extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
          },
        ],
      });
    });

    it('refuses a cursor this list did not issue with INVALID_CURSOR', async () => {
      const res = await callSubgraph(sg.url, LIST, { after: 'not-a-cursor' }, ANONYMOUS);
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Cursor "not-a-cursor" was not issued by this list; pass pageInfo.endCursor.',
            path: ['contractors'],
            locations: expect.any(Array),
            extensions: { code: 'INVALID_CURSOR', argument: 'after' },
          },
        ],
      });
    });
  });
});
