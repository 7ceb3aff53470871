import { GraphQLError } from 'graphql';
import { demoAdults } from '../../../kit/demo/citizens';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { ClassificationEvent } from '../entities/classification-event.entity';
import { Contractor, ContractorStatus } from '../entities/contractor.entity';
import { validityEnd } from '../rules/classification-dates';
import { type ContractorAction, nextStatus, TRANSITIONS } from '../rules/contractor-status.rules';
import { PLANNING_SCOPES } from '../scopes';
import { planning } from '../subgraph';

const READ = PLANNING_SCOPES.contractorRead;
const WRITE = PLANNING_SCOPES.contractorWrite;
const STAFF = testCaller([READ, WRITE]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILE = 'id grade status classifiedAt validUntil history { action grade reason at byAgency }';

/** Each action's mutation, as a document taking `$id` (and `$reason` or `$grade`). */
const MUTATION: Record<ContractorAction, { field: string; document: string }> = {
  RENEW: {
    field: 'renewClassification',
    document: `mutation($id: ID!, $grade: Int) { renewClassification(id: $id, grade: $grade) { ${FILE} } }`,
  },
  SUSPEND: {
    field: 'suspendContractor',
    document: `mutation($id: ID!, $reason: String!) { suspendContractor(id: $id, reason: $reason) { ${FILE} } }`,
  },
  REINSTATE: {
    field: 'reinstateContractor',
    document: `mutation($id: ID!, $reason: String!) { reinstateContractor(id: $id, reason: $reason) { ${FILE} } }`,
  },
  BLACKLIST: {
    field: 'blacklistContractor',
    document: `mutation($id: ID!, $reason: String!) { blacklistContractor(id: $id, reason: $reason) { ${FILE} } }`,
  },
};
const REASON: Record<ContractorAction, string | undefined> = {
  RENEW: undefined,
  SUSPEND: 'التلكؤ في تنفيذ مشروع متعاقد عليه',
  REINSTATE: 'استكمال الوثائق المطلوبة',
  BLACKLIST: 'تقديم مستندات مزورة',
};
const RECORDED: Record<ContractorAction, string> = {
  RENEW: 'RENEWED',
  SUSPEND: 'SUSPENDED',
  REINSTATE: 'REINSTATED',
  BLACKLIST: 'BLACKLISTED',
};

const CLASSIFY = `mutation($input: ClassifyContractorInput!) { classifyContractor(input: $input) {
  id name nameEn grade status specializations registrationNumber governorate { code } classifiedAt validUntil
  owner { nationalId } history { id action grade reason at byAgency } } }`;

function refusalMessage(id: string, status: ContractorStatus, action: ContractorAction): string {
  try {
    nextStatus(id, status, action);
  } catch (error) {
    return (error as GraphQLError).message;
  }
  throw new Error(`${action} from ${status} is allowed`);
}

function errorBody(field: string, message: string, extensions: Record<string, unknown>) {
  return { data: null, errors: [{ message, path: [field], locations: expect.any(Array), extensions }] };
}

describe('planning subgraph: classification mutations', () => {
  let sg: RunningSubgraph;
  let seeded: Contractor[];
  const owner = demoAdults()[5]!.nationalId;
  beforeAll(async () => {
    sg = await startTestSubgraph(planning);
    seeded = await sg.orm.em.fork().find(Contractor, {}, { orderBy: { id: 'asc' } });
  });
  afterAll(() => sg.close());

  /** Ids of seeded contractors in a state, not yet used by another test. */
  const used = new Set<string>();
  function take(status: ContractorStatus): Contractor {
    const c = seeded.find((s) => s.status === status && !used.has(s.id));
    if (!c) throw new Error(`no unused ${status} contractor left in the seed`);
    used.add(c.id);
    return c;
  }

  /** What a failed mutation must leave as it was: row counts and every contractor's row. */
  async function snapshot() {
    const em = sg.orm.em.fork();
    return {
      contractors: await em.count(Contractor),
      events: await em.count(ClassificationEvent),
      rows: JSON.stringify(await em.find(Contractor, {}, { orderBy: { id: 'asc' } })),
    };
  }

  async function act(
    action: ContractorAction,
    id: string,
    extra: Record<string, unknown> = {},
    caller = STAFF,
  ) {
    return callSubgraph(sg.url, MUTATION[action].document, { id, reason: REASON[action], ...extra }, caller);
  }

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: 'شركة الجزيرة للمقاولات والتجارة العامة',
    nameEn: 'Al-Jazeera General Contracting and Trading Company',
    grade: 6,
    specializations: ['ROADS_BRIDGES', 'BUILDINGS'],
    governorate: 'BSR',
    ownerNationalId: owner,
    ...overrides,
  });

  describe('classifyContractor', () => {
    it('enters a new contractor as CTR-0061, ACTIVE for two years, with its first event', async () => {
      const before = await snapshot();
      const res = await callSubgraph(sg.url, CLASSIFY, { input: input() }, STAFF);
      const created = (res.body.data?.classifyContractor ?? {}) as { classifiedAt: string };
      expect(created.classifiedAt).toMatch(ISO_DATE);
      const at = created.classifiedAt;
      expect(res.body).toEqual({
        data: {
          classifyContractor: {
            id: 'CTR-0061',
            name: 'شركة الجزيرة للمقاولات والتجارة العامة',
            nameEn: 'Al-Jazeera General Contracting and Trading Company',
            grade: 6,
            status: 'ACTIVE',
            specializations: ['ROADS_BRIDGES', 'BUILDINGS'],
            registrationNumber: `MOP-${at.slice(0, 4)}-0061`,
            governorate: { code: 'BSR' },
            classifiedAt: at,
            validUntil: validityEnd(at),
            owner: { nationalId: owner },
            history: [
              { id: 'CTR-0061-E001', action: 'CLASSIFIED', grade: 6, reason: null, at, byAgency: 'MOP' },
            ],
          },
        },
      });
      expect(res.extensions).toEqual({ urSubjects: [owner] });
      const after = await snapshot();
      expect([after.contractors, after.events]).toEqual([before.contractors + 1, before.events + 1]);
    });

    it('gives the next contractor the next free number, and finds it in the registry', async () => {
      const res = await callSubgraph(
        sg.url,
        CLASSIFY,
        { input: input({ name: 'شركة ميسان للإنشاءات', nameEn: 'Maysan Construction Company', grade: 9 }) },
        STAFF,
      );
      expect(res.body.data?.classifyContractor).toMatchObject({ id: 'CTR-0062', status: 'ACTIVE', grade: 9 });
      const found = await callSubgraph(
        sg.url,
        '{ contractors(filter: { nameContains: "ميسان" }) { totalCount edges { node { id } } } }',
        {},
        testCaller([], null),
      );
      expect(found.body).toEqual({
        data: { contractors: { totalCount: 1, edges: [{ node: { id: 'CTR-0062' } }] } },
      });
    });

    it('numbers concurrent classifications without gaps or clashes', async () => {
      const count = (await snapshot()).contractors;
      const names = ['الشموخ', 'الإعمار', 'البناء', 'التقدم'];
      const responses = await Promise.all(
        names.map((word, i) =>
          callSubgraph(
            sg.url,
            'mutation($input: ClassifyContractorInput!) { classifyContractor(input: $input) { id } }',
            { input: input({ name: `شركة ${word}`, nameEn: `Company Number ${i + 1}` }) },
            STAFF,
          ),
        ),
      );
      expect(responses.map((r) => r.body.errors)).toEqual([undefined, undefined, undefined, undefined]);
      const ids = responses.map((r) => (r.body.data!.classifyContractor as { id: string }).id).sort();
      expect(ids).toEqual([1, 2, 3, 4].map((n) => `CTR-${String(count + n).padStart(4, '0')}`));
    });

    it('refuses bad input, naming the argument and what is accepted, and writes nothing', async () => {
      const taken = seeded[0]!;
      const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
        [
          { name: taken.name },
          `A contractor with this name is already registered: ${taken.id} «${taken.name}» (${taken.nameEn}). ` +
            'Give the new company’s own name, or renew the existing classification.',
          { code: 'BAD_USER_INPUT', argument: 'input.name', existingId: taken.id },
        ],
        [
          // The same company spelled differently is still the same company.
          { name: 'شركة جديدة', nameEn: taken.nameEn.toUpperCase().replace(/-/g, ' ') },
          `A contractor with this name is already registered: ${taken.id} «${taken.name}» (${taken.nameEn}). ` +
            'Give the new company’s own name, or renew the existing classification.',
          { code: 'BAD_USER_INPUT', argument: 'input.name', existingId: taken.id },
        ],
        [
          { grade: 11 },
          '`input.grade` must be a whole number from 1 (highest) to 10 (lowest); got 11.',
          { code: 'BAD_USER_INPUT', argument: 'input.grade' },
        ],
        [
          { specializations: [] },
          '`input.specializations` must name at least one specialization, e.g. BUILDINGS or ROADS_BRIDGES.',
          { code: 'BAD_USER_INPUT', argument: 'input.specializations' },
        ],
        [
          { governorate: 'XYZ' },
          'Unknown governorate "XYZ"; use a code such as BGD, BSR or NIN.',
          { code: 'BAD_USER_INPUT', argument: 'input.governorate' },
        ],
        [
          { ownerNationalId: '123456789012' },
          '"123456789012" is not a valid national ID: its check digit is wrong.',
          { code: 'INVALID_NATIONAL_ID', argument: 'input.ownerNationalId' },
        ],
        [
          { name: 'Al-Jazeera' },
          '`input.name` must be the company\'s Arabic name, in Arabic letters, at most 200 characters; got "Al-Jazeera".',
          { code: 'BAD_USER_INPUT', argument: 'input.name' },
        ],
      ];
      for (const [overrides, message, extensions] of cases) {
        const before = await snapshot();
        const res = await callSubgraph(
          sg.url,
          CLASSIFY,
          { input: input({ name: 'شركة الواحة', nameEn: 'Al-Waha Company', ...overrides }) },
          STAFF,
        );
        expect(res.body).toEqual(errorBody('classifyContractor', message, extensions));
        expect(await snapshot()).toEqual(before);
      }
    });
  });

  describe('the state machine through the API', () => {
    const allowed: [ContractorStatus, ContractorAction][] = [
      [ContractorStatus.ACTIVE, 'RENEW'],
      [ContractorStatus.ACTIVE, 'SUSPEND'],
      [ContractorStatus.ACTIVE, 'BLACKLIST'],
      [ContractorStatus.SUSPENDED, 'REINSTATE'],
      [ContractorStatus.SUSPENDED, 'BLACKLIST'],
      [ContractorStatus.EXPIRED, 'RENEW'],
      [ContractorStatus.EXPIRED, 'BLACKLIST'],
    ];
    for (const [status, action] of allowed) {
      it(`${action} from ${status} leads to ${TRANSITIONS[action].to} and appends ${RECORDED[action]}`, async () => {
        const c = take(status);
        const em = sg.orm.em.fork();
        const history = await em.find(
          ClassificationEvent,
          { contractorId: c.id },
          { orderBy: { id: 'asc' } },
        );
        const before = await snapshot();
        const res = await act(action, c.id);
        expect(res.body.errors).toBeUndefined();
        const after = (res.body.data![MUTATION[action].field] ?? {}) as {
          classifiedAt: string;
          history: { at: string }[];
        };
        const at = after.history[after.history.length - 1]!.at;
        expect(at).toMatch(ISO_DATE);
        const renewed = action === 'RENEW';
        expect(after).toEqual({
          id: c.id,
          grade: c.grade,
          status: TRANSITIONS[action].to,
          classifiedAt: renewed ? at : c.classifiedAt,
          validUntil: renewed ? validityEnd(at) : c.validUntil,
          history: [
            ...history.map((e) => ({
              action: e.action,
              grade: e.grade,
              reason: e.reason ?? null,
              at: e.at,
              byAgency: 'MOP',
            })),
            { action: RECORDED[action], grade: c.grade, reason: REASON[action] ?? null, at, byAgency: 'MOP' },
          ],
        });
        const counts = await snapshot();
        expect([counts.contractors, counts.events]).toEqual([before.contractors, before.events + 1]);
      });
    }

    it('records a renewal at a new grade as REGRADED', async () => {
      const c = take(ContractorStatus.ACTIVE);
      const grade = c.grade === 1 ? 2 : c.grade - 1;
      const res = await act('RENEW', c.id, { grade });
      const renewed = res.body.data?.renewClassification as { grade: number; history: { action: string }[] };
      expect(renewed.grade).toBe(grade);
      expect(renewed.history[renewed.history.length - 1]).toMatchObject({ action: 'REGRADED', grade });
    });

    const refused: [ContractorStatus, ContractorAction][] = [
      [ContractorStatus.ACTIVE, 'REINSTATE'],
      [ContractorStatus.SUSPENDED, 'RENEW'],
      [ContractorStatus.SUSPENDED, 'SUSPEND'],
      [ContractorStatus.EXPIRED, 'SUSPEND'],
      [ContractorStatus.EXPIRED, 'REINSTATE'],
      [ContractorStatus.BLACKLISTED, 'RENEW'],
      [ContractorStatus.BLACKLISTED, 'SUSPEND'],
      [ContractorStatus.BLACKLISTED, 'REINSTATE'],
      [ContractorStatus.BLACKLISTED, 'BLACKLIST'],
    ];
    for (const [status, action] of refused) {
      it(`refuses ${action} from ${status} with INVALID_STATE_TRANSITION and changes nothing`, async () => {
        const c = seeded.find((s) => s.status === status && !used.has(s.id))!;
        const before = await snapshot();
        const res = await act(action, c.id);
        expect(res.body).toEqual(
          errorBody(MUTATION[action].field, refusalMessage(c.id, status, action), {
            code: 'INVALID_STATE_TRANSITION',
            contractorId: c.id,
            currentStatus: status,
            action,
            allowedFrom: TRANSITIONS[action].from,
          }),
        );
        expect(await snapshot()).toEqual(before);
      });
    }

    it('takes one contractor through its whole life, and nothing leaves the blacklist', async () => {
      const id = 'CTR-0062';
      for (const action of ['SUSPEND', 'REINSTATE', 'RENEW', 'BLACKLIST'] as const) {
        const res = await act(action, id);
        expect(res.body.errors).toBeUndefined();
      }
      for (const action of ['RENEW', 'SUSPEND', 'REINSTATE', 'BLACKLIST'] as const) {
        const res = await act(action, id);
        expect(res.body.errors?.[0]?.message).toBe(
          `Cannot ${action} contractor ${id}: it is BLACKLISTED, and a blacklisted contractor stays blacklisted.`,
        );
      }
      const res = await callSubgraph(
        sg.url,
        '{ contractor(id: "CTR-0062") { status history { id action } } }',
        {},
        testCaller([READ]),
      );
      expect(res.body).toEqual({
        data: {
          contractor: {
            status: 'BLACKLISTED',
            history: ['CLASSIFIED', 'SUSPENDED', 'REINSTATED', 'RENEWED', 'BLACKLISTED'].map((action, i) => ({
              id: `CTR-0062-E00${i + 1}`,
              action,
            })),
          },
        },
      });
    });

    it('lets only one of concurrent suspensions of one contractor through', async () => {
      const c = take(ContractorStatus.ACTIVE);
      const before = await snapshot();
      const responses = await Promise.all([1, 2, 3].map(() => act('SUSPEND', c.id)));
      const codes = responses.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['INVALID_STATE_TRANSITION', 'INVALID_STATE_TRANSITION', 'OK']);
      expect((await snapshot()).events).toBe(before.events + 1);
    });

    it('requires a reason, a grade from 1 to 10 and a registered contractor', async () => {
      const active = seeded.find((s) => s.status === ContractorStatus.ACTIVE && !used.has(s.id))!;
      const cases: [ContractorAction, Record<string, unknown>, string, Record<string, unknown>][] = [
        [
          'SUSPEND',
          { id: active.id, reason: '   ' },
          '`reason` must say why; got an empty reason.',
          { code: 'BAD_USER_INPUT', argument: 'reason' },
        ],
        [
          'BLACKLIST',
          { id: active.id, reason: '' },
          '`reason` must say why; got an empty reason.',
          { code: 'BAD_USER_INPUT', argument: 'reason' },
        ],
        [
          'RENEW',
          { id: active.id, grade: 0 },
          '`grade` must be a whole number from 1 (highest) to 10 (lowest); got 0.',
          { code: 'BAD_USER_INPUT', argument: 'grade' },
        ],
        [
          'REINSTATE',
          { id: 'CTR-9999' },
          'No contractor "CTR-9999" in the registry; IDs look like CTR-0001.',
          { code: 'NOT_FOUND', argument: 'id' },
        ],
      ];
      for (const [action, variables, message, extensions] of cases) {
        const before = await snapshot();
        const res = await act(action, variables.id as string, variables);
        expect(res.body).toEqual(errorBody(MUTATION[action].field, message, extensions));
        expect(await snapshot()).toEqual(before);
      }
    });
  });

  describe('numbering', () => {
    it('goes on numerically past CTR-9999', async () => {
      const em = sg.orm.em.fork();
      const template = await em.findOneOrFail(Contractor, { id: 'CTR-0002' });
      em.create(Contractor, {
        ...template,
        id: 'CTR-9999',
        name: 'شركة الاختبار',
        nameEn: 'Test Company',
        registrationNumber: 'MOP-2026-9999',
        searchKey: 'شركه الاختبار|test company',
      });
      await em.flush();
      const ids: string[] = [];
      for (const [word, en] of [
        ['الأول', 'First'],
        ['الثاني', 'Second'],
      ] as const) {
        const res = await callSubgraph(
          sg.url,
          'mutation($input: ClassifyContractorInput!) { classifyContractor(input: $input) { id } }',
          { input: input({ name: `شركة ${word}`, nameEn: `${en} Company` }) },
          STAFF,
        );
        ids.push((res.body.data?.classifyContractor as { id: string }).id);
      }
      expect(ids).toEqual(['CTR-10000', 'CTR-10001']);
    });
  });

  describe('permissions', () => {
    it('refuses every mutation to a caller without planning.contractor:write, and writes nothing', async () => {
      const active = seeded.find((s) => s.status === ContractorStatus.ACTIVE && !used.has(s.id))!;
      for (const caller of [testCaller([READ]), testCaller([], null)]) {
        for (const action of ['RENEW', 'SUSPEND', 'REINSTATE', 'BLACKLIST'] as const) {
          const before = await snapshot();
          const res = await act(action, active.id, {}, caller);
          expect(res.body).toEqual(
            errorBody(MUTATION[action].field, `Mutation.${MUTATION[action].field} needs scope ${WRITE}.`, {
              code: 'FORBIDDEN',
              missingScopes: [WRITE],
            }),
          );
          expect(await snapshot()).toEqual(before);
        }
        const before = await snapshot();
        const res = await callSubgraph(sg.url, CLASSIFY, { input: input({ name: 'شركة النخيل' }) }, caller);
        expect(res.body).toEqual(
          errorBody('classifyContractor', `Mutation.classifyContractor needs scope ${WRITE}.`, {
            code: 'FORBIDDEN',
            missingScopes: [WRITE],
          }),
        );
        expect(await snapshot()).toEqual(before);
      }
    });

    it('lets a writer without read scope change a contractor but not read its file', async () => {
      const c = take(ContractorStatus.ACTIVE);
      const res = await callSubgraph(
        sg.url,
        'mutation($id: ID!) { suspendContractor(id: $id, reason: "مخالفة") { id status history { action } } }',
        { id: c.id },
        testCaller([WRITE]),
      );
      expect(res.body).toEqual({
        data: { suspendContractor: { id: c.id, status: 'SUSPENDED', history: null } },
        errors: [
          {
            message: `Contractor.history needs scope ${READ}.`,
            path: ['suspendContractor', 'history'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [READ] },
          },
        ],
      });
    });
  });
});
