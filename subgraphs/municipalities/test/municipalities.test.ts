import { demoContractorIds, DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { pinToday } from '../../../kit/clock';
import { Inspection } from '../entities/inspection.entity';
import { MunicipalProject } from '../entities/municipal-project.entity';
import { ProgressReport } from '../entities/progress-report.entity';
import { DEMO_PROJECT_COUNT } from '../seed';
import { municipalities } from '../subgraph';

const READ = 'municipalities.project:read';
const WRITE = 'municipalities.project:write';
const reader = testCaller([READ]);
const writer = testCaller([READ, WRITE], 'mochm-baghdad-directorate');

interface ProjectSummary {
  id: string;
  status: string;
  progress: number;
  delayDays: number;
  governorate: { code: string };
  contractor: { id: string };
  plannedEndDate: string;
  progressReports: { reportedAt: string; progress: number }[];
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

const SUMMARY = `id status progress delayDays governorate { code } contractor { id } plannedEndDate
  progressReports { reportedAt progress }`;

const LIST = `query($first: Int, $after: String, $filter: MunicipalProjectFilter) {
  municipalProjects(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { ${SUMMARY} } }
  }
}`;

describe('municipalities subgraph', () => {
  let sg: RunningSubgraph;
  /** Every project as seeded, read through the API before any mutation runs. */
  let all: ProjectSummary[];

  async function page(variables: Record<string, unknown>) {
    const res = await callSubgraph(sg.url, LIST, variables, reader);
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { municipalProjects: Connection<ProjectSummary> }).municipalProjects;
  }

  async function everything(filter?: Record<string, unknown>): Promise<ProjectSummary[]> {
    const out: ProjectSummary[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Connection<ProjectSummary> = await page({ first: 100, after, filter });
      out.push(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasNextPage) return out;
      after = p.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    pinToday(DEMO_REFERENCE_DATE);
    sg = await startTestSubgraph(municipalities);
    all = await everything();
  });
  afterAll(async () => {
    await sg.close();
    pinToday(undefined);
  });

  describe('reading', () => {
    it('answers a project with its governorate, delay and contractor (a stub, no SQL of its own)', async () => {
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        `query($id: ID!) { municipalProject(id: $id) {
          id title titleEn governorate { code name nameEn } budget progress status
          plannedStartDate plannedEndDate completedAt delayDays contractor { id }
        } }`,
        { id: 'MP-0001' },
        reader,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        data: {
          municipalProject: {
            id: 'MP-0001',
            title: 'إنشاء مجسر حي أور',
            titleEn: 'Construction of the Hay Ur overpass',
            governorate: { code: 'BGD', name: 'بغداد', nameEn: 'Baghdad' },
            budget: 79_002_000_000,
            progress: 36,
            status: 'IN_PROGRESS',
            plannedStartDate: '2023-11-04',
            plannedEndDate: '2026-03-23',
            completedAt: null,
            // 2026-03-23 → 2026-11-01 (DEMO_REFERENCE_DATE), still at 36%.
            delayDays: 223,
            contractor: { id: 'CTR-0041' },
          },
        },
      });
      expect(sg.stats.sql).toBe(1);
    });

    it('answers null for an unknown project', async () => {
      const res = await callSubgraph(sg.url, '{ municipalProject(id: "MP-9999") { id } }', {}, reader);
      expect(res.body).toEqual({ data: { municipalProject: null } });
    });

    it('has seeded every governorate, Baghdad most, every contractor with 1 to 5 projects', () => {
      expect(all).toHaveLength(DEMO_PROJECT_COUNT);
      const perGovernorate = countBy(all, (p) => p.governorate.code);
      expect(Object.keys(perGovernorate)).toHaveLength(18);
      expect(Math.max(...Object.values(perGovernorate))).toBe(perGovernorate.BGD);
      const perContractor = countBy(all, (p) => p.contractor.id);
      expect(Object.keys(perContractor).sort()).toEqual(demoContractorIds());
      expect(Object.values(perContractor).every((n) => n >= 1 && n <= 5)).toBe(true);
      expect(Object.keys(countBy(all, (p) => p.status)).sort()).toEqual([
        'COMPLETED',
        'IN_PROGRESS',
        'PLANNED',
        'SUSPENDED',
      ]);
      // Clearly delayed: past the planned end and unfinished.
      const overdue = all.filter((p) => p.plannedEndDate < DEMO_REFERENCE_DATE && p.progress < 100);
      expect(overdue.length).toBeGreaterThanOrEqual(15);
      for (const p of all) {
        const levels = p.progressReports.map((r) => r.progress);
        expect(levels).toEqual([...levels].sort((a, b) => a - b));
        expect(levels.length > 0 ? levels[levels.length - 1] : 0).toBe(p.progress);
        expect(p.progressReports.length === 0).toBe(p.status === 'PLANNED');
      }
    });

    it('lists progress reports oldest first, with who filed them', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ municipalProject(id: "MP-0001") { progressReports { id reportedAt progress previousProgress reportedBy } } }',
        {},
        reader,
      );
      const reports = (res.body.data as { municipalProject: { progressReports: unknown[] } }).municipalProject
        .progressReports;
      expect(reports).toEqual([
        { id: 'PR-000001', reportedAt: '2024-04-02', progress: 25, previousProgress: 0, reportedBy: 'MOCHM' },
        {
          id: 'PR-000002',
          reportedAt: '2024-05-11',
          progress: 32,
          previousProgress: 25,
          reportedBy: 'MOCHM',
        },
        {
          id: 'PR-000003',
          reportedAt: '2025-01-21',
          progress: 34,
          previousProgress: 32,
          reportedBy: 'MOCHM',
        },
        {
          id: 'PR-000004',
          reportedAt: '2026-10-30',
          progress: 36,
          previousProgress: 34,
          reportedBy: 'MOCHM',
        },
      ]);
    });

    it('answers Contractor.municipalProjects through _entities with one SQL query for 1, 10 or 60 contractors', async () => {
      const sqlFor: Record<number, number> = {};
      for (const n of [1, 10, 60]) {
        const ids = demoContractorIds().slice(0, n);
        sg.stats.sql = 0;
        const res = await callSubgraph(
          sg.url,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Contractor { id municipalProjects { id } } } }',
          { r: ids.map((id) => ({ __typename: 'Contractor', id })) },
          reader,
        );
        sqlFor[n] = sg.stats.sql;
        expect(res.body.errors).toBeUndefined();
        const entities = (
          res.body.data as { _entities: { id: string; municipalProjects: { id: string }[] }[] }
        )._entities;
        expect(entities.map((e) => e.id)).toEqual(ids);
        for (const e of entities) {
          expect(e.municipalProjects.map((p) => p.id)).toEqual(
            all.filter((p) => p.contractor.id === e.id).map((p) => p.id),
          );
        }
      }
      expect(sqlFor).toEqual({ 1: 1, 10: 1, 60: 1 });
    });

    it('resolves MunicipalProject references with one SQL query however many', async () => {
      const ids = all.slice(0, 50).map((p) => p.id);
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on MunicipalProject { id progress } } }',
        { r: [...ids, 'MP-9999'].map((id) => ({ __typename: 'MunicipalProject', id })) },
        reader,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({
        _entities: [...all.slice(0, 50).map((p) => ({ id: p.id, progress: p.progress })), null],
      });
      expect(sg.stats.sql).toBe(1);
    });

    it('costs the same SQL for a page of 1, 10 or 100 projects with contractor, reports and inspections', async () => {
      const sqlFor: Record<number, number> = {};
      for (const n of [1, 10, 100]) {
        sg.stats.sql = 0;
        const res = await callSubgraph(
          sg.url,
          `query($n: Int) { municipalProjects(first: $n) { edges { node {
            id contractor { id } progressReports { progress } inspections { result }
          } } } }`,
          { n },
          reader,
        );
        expect(res.body.errors).toBeUndefined();
        const edges = (res.body.data as { municipalProjects: { edges: unknown[] } }).municipalProjects.edges;
        expect(edges).toHaveLength(n);
        sqlFor[n] = sg.stats.sql;
      }
      // The page, then one query each for reports and inspections; the contractor costs none.
      expect(sqlFor).toEqual({ 1: 3, 10: 3, 100: 3 });

      sg.stats.sql = 0;
      await page({ first: 100 });
      expect(sg.stats.sql).toBe(1 + 1 + 1); // page, totalCount, progressReports
    });
  });

  describe('lists', () => {
    it('pages with first/after through every project exactly once', async () => {
      const first = await page({ first: 50 });
      expect(first.totalCount).toBe(DEMO_PROJECT_COUNT);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.edges.map((e) => e.node.id)).toEqual(all.slice(0, 50).map((p) => p.id));

      const ids: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const p: Connection<ProjectSummary> = await page({ first: 50, after });
        pages += 1;
        ids.push(...p.edges.map((e) => e.node.id));
        expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(DEMO_PROJECT_COUNT / 50));
      expect(ids).toEqual(all.map((p) => p.id));
      expect(new Set(ids).size).toBe(DEMO_PROJECT_COUNT);
      expect(ids).toEqual([...ids].sort());
    });

    it('filters by governorate, status and contractor, alone and together', async () => {
      const cases: [Record<string, unknown>, (p: ProjectSummary) => boolean][] = [
        [{ governorate: 'BGD' }, (p) => p.governorate.code === 'BGD'],
        [{ governorate: 'MTH' }, (p) => p.governorate.code === 'MTH'],
        [{ status: 'SUSPENDED' }, (p) => p.status === 'SUSPENDED'],
        [{ contractorId: 'CTR-0041' }, (p) => p.contractor.id === 'CTR-0041'],
        [
          { governorate: 'BGD', status: 'IN_PROGRESS' },
          (p) => p.governorate.code === 'BGD' && p.status === 'IN_PROGRESS',
        ],
      ];
      for (const [filter, expected] of cases) {
        const p = await page({ first: 100, filter });
        const ids = all.filter(expected).map((x) => x.id);
        expect(ids.length).toBeGreaterThan(0);
        expect({ filter, ids: p.edges.map((e) => e.node.id), total: p.totalCount }).toEqual({
          filter,
          ids,
          total: ids.length,
        });
      }
    });

    it('delayedOnly answers exactly the projects whose delayDays is above 0 (SQL and the rule agree)', async () => {
      const delayed = await everything({ delayedOnly: true });
      const expected = all.filter((p) => p.delayDays > 0);
      expect(expected.length).toBeGreaterThan(30);
      expect(expected.length).toBeLessThan(all.length - 30);
      expect(delayed.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      expect(new Set(expected.map((p) => p.status)).size).toBeGreaterThanOrEqual(3);

      const inBaghdad = await page({ first: 100, filter: { delayedOnly: true, governorate: 'BGD' } });
      const ids = expected.filter((p) => p.governorate.code === 'BGD').map((p) => p.id);
      expect(inBaghdad.edges.map((e) => e.node.id)).toEqual(ids);
      expect(inBaghdad.totalCount).toBe(ids.length);
      expect((await page({ first: 100, filter: { delayedOnly: false } })).totalCount).toBe(
        DEMO_PROJECT_COUNT,
      );
    });

    it('refuses a page larger than 100 with PAGE_SIZE_EXCEEDED', async () => {
      const res = await callSubgraph(sg.url, LIST, { first: 101 }, reader);
      expect(res.body).toEqual({
        data: { municipalProjects: null },
        errors: [
          {
            message: '`first` may be at most 100; got 101. Page with `after`.',
            locations: expect.any(Array),
            path: ['municipalProjects'],
            extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
          },
        ],
      });
    });

    it('refuses an unknown governorate with BAD_USER_INPUT', async () => {
      const res = await callSubgraph(sg.url, LIST, { filter: { governorate: 'XXX' } }, reader);
      expect(res.body).toEqual({
        data: { municipalProjects: null },
        errors: [
          {
            message: 'Unknown governorate "XXX"; use a code such as BGD, BSR or NIN.',
            locations: expect.any(Array),
            path: ['municipalProjects'],
            extensions: { code: 'BAD_USER_INPUT', argument: 'filter.governorate' },
          },
        ],
      });
    });
  });

  describe('permissions', () => {
    it('refuses projects to a caller without municipalities.project:read', async () => {
      const res = await callSubgraph(sg.url, LIST, { first: 5 }, testCaller(['planning.contractor:read']));
      expect(res.body).toEqual({
        data: { municipalProjects: null },
        errors: [
          {
            message: 'Query.municipalProjects needs scope municipalities.project:read.',
            locations: expect.any(Array),
            path: ['municipalProjects'],
            extensions: { code: 'FORBIDDEN', missingScopes: [READ] },
          },
        ],
      });
    });

    it('refuses Contractor.municipalProjects without the scope', async () => {
      const res = await callSubgraph(
        sg.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Contractor { id municipalProjects { id } } } }',
        { r: [{ __typename: 'Contractor', id: 'CTR-0001' }] },
        testCaller(['planning.contractor:read']),
      );
      expect(res.body).toEqual({
        data: { _entities: [{ id: 'CTR-0001', municipalProjects: null }] },
        errors: [
          {
            message: 'Contractor.municipalProjects needs scope municipalities.project:read.',
            locations: expect.any(Array),
            path: ['_entities', 0, 'municipalProjects'],
            extensions: { code: 'FORBIDDEN', missingScopes: [READ] },
          },
        ],
      });
    });

    it('refuses a mutation to a reader without municipalities.project:write, changing nothing', async () => {
      const target = all.find((p) => p.status === 'IN_PROGRESS')!;
      const before = await dbState(target.id);
      const res = await callSubgraph(
        sg.url,
        'mutation($id: ID!) { suspendProject(id: $id, reason: "x") { id } }',
        { id: target.id },
        reader,
      );
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Mutation.suspendProject needs scope municipalities.project:write.',
            locations: expect.any(Array),
            path: ['suspendProject'],
            extensions: { code: 'FORBIDDEN', missingScopes: [WRITE] },
          },
        ],
      });
      expect(await dbState(target.id)).toEqual(before);
    });
  });

  describe('progress, inspections and suspension', () => {
    const REPORT = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) {
      id status progress completedAt delayDays
      progressReports { progress previousProgress reportedAt note reason reportedBy }
    } }`;

    /** Runs a mutation that must fail, and checks the database is as it was. */
    async function rejected(projectId: string, query: string, variables: Record<string, unknown>) {
      const before = await dbState(projectId);
      const res = await callSubgraph(sg.url, query, variables, writer);
      expect(await dbState(projectId)).toEqual(before);
      return res.body;
    }

    const pick = (status: string, n = 0) => all.filter((p) => p.status === status)[n]!;

    it('the first report starts a PLANNED project, recording who filed it', async () => {
      const planned = pick('PLANNED');
      const res = await callSubgraph(
        sg.url,
        REPORT,
        { input: { projectId: planned.id, progress: 3, reportedAt: '2026-10-25', note: ' تسليم الموقع ' } },
        writer,
      );
      expect(res.body).toEqual({
        data: {
          reportProgress: {
            id: planned.id,
            status: 'IN_PROGRESS',
            progress: 3,
            completedAt: null,
            delayDays: expect.any(Number),
            progressReports: [
              {
                progress: 3,
                previousProgress: 0,
                reportedAt: '2026-10-25',
                note: 'تسليم الموقع',
                reason: null,
                reportedBy: 'mochm-baghdad-directorate',
              },
            ],
          },
        },
      });
    });

    it('100% completes the project on the report’s date, and then refuses further reports', async () => {
      const project = pick('IN_PROGRESS', 1);
      const res = await callSubgraph(
        sg.url,
        REPORT,
        { input: { projectId: project.id, progress: 100, reportedAt: DEMO_REFERENCE_DATE } },
        writer,
      );
      expect(res.body.errors).toBeUndefined();
      const done = (res.body.data as { reportProgress: Record<string, unknown> }).reportProgress;
      expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, completedAt: DEMO_REFERENCE_DATE });
      expect(done.progressReports).toHaveLength(project.progressReports.length + 1);

      expect(
        await rejected(project.id, REPORT, {
          input: { projectId: project.id, progress: 100, reportedAt: DEMO_REFERENCE_DATE },
        }),
      ).toEqual({
        data: null,
        errors: [
          {
            message: `Project ${project.id} is COMPLETED; progress can be reported only on a PLANNED or IN_PROGRESS project.`,
            locations: expect.any(Array),
            path: ['reportProgress'],
            extensions: {
              code: 'INVALID_STATE_TRANSITION',
              status: 'COMPLETED',
              accepted: ['PLANNED', 'IN_PROGRESS'],
            },
          },
        ],
      });
    });

    it('refuses reports on a SUSPENDED project', async () => {
      const project = pick('SUSPENDED');
      const body = await rejected(project.id, REPORT, {
        input: { projectId: project.id, progress: 90, reportedAt: DEMO_REFERENCE_DATE },
      });
      expect(body.errors?.[0]).toMatchObject({
        message: `Project ${project.id} is SUSPENDED; progress can be reported only on a PLANNED or IN_PROGRESS project.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', status: 'SUSPENDED' },
      });
    });

    it('refuses progress going back without a reason, and accepts it with one', async () => {
      const project = pick('IN_PROGRESS', 2);
      const lower = project.progress - 5;
      const body = await rejected(project.id, REPORT, {
        input: { projectId: project.id, progress: lower, reportedAt: DEMO_REFERENCE_DATE },
      });
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: `Progress may not go back from ${project.progress}% to ${lower}% without a reason; give input.reason to say why.`,
            locations: expect.any(Array),
            path: ['reportProgress'],
            extensions: {
              code: 'BAD_USER_INPUT',
              argument: 'input.reason',
              previousProgress: project.progress,
              progress: lower,
            },
          },
        ],
      });

      const reason = 'إعادة تنفيذ طبقة الأساس بعد فشل الفحص';
      const res = await callSubgraph(
        sg.url,
        REPORT,
        { input: { projectId: project.id, progress: lower, reportedAt: DEMO_REFERENCE_DATE, reason } },
        writer,
      );
      expect(res.body.errors).toBeUndefined();
      const after = (res.body.data as { reportProgress: { progress: number; progressReports: unknown[] } })
        .reportProgress;
      expect(after.progress).toBe(lower);
      expect(after.progressReports[after.progressReports.length - 1]).toEqual({
        progress: lower,
        previousProgress: project.progress,
        reportedAt: DEMO_REFERENCE_DATE,
        note: null,
        reason,
        reportedBy: 'mochm-baghdad-directorate',
      });
    });

    it('refuses a report dated before the latest one, in the future, or not a date', async () => {
      const project = pick('IN_PROGRESS', 3);
      const latest = project.progressReports[project.progressReports.length - 1]!.reportedAt;
      const input = { projectId: project.id, progress: project.progress + 1 };
      const cases: [string, string, Record<string, unknown>][] = [
        [
          '2020-01-01',
          `input.reportedAt 2020-01-01 is before the latest report (${latest}); reports may not go back in date.`,
          { latestReportedAt: latest },
        ],
        ['2026-11-02', 'input.reportedAt 2026-11-02 is in the future; it may be at most 2026-11-01.', {}],
        ['2026-02-30', '"2026-02-30" is not a date; write a real calendar date as YYYY-MM-DD.', {}],
      ];
      for (const [reportedAt, message, details] of cases) {
        expect(await rejected(project.id, REPORT, { input: { ...input, reportedAt } })).toEqual({
          data: null,
          errors: [
            {
              message,
              locations: expect.any(Array),
              path: ['reportProgress'],
              extensions: { code: 'BAD_USER_INPUT', argument: 'input.reportedAt', ...details },
            },
          ],
        });
      }
    });

    it('refuses a progress above 100 and an unknown project', async () => {
      const project = pick('IN_PROGRESS', 3);
      expect(
        await rejected(project.id, REPORT, {
          input: { projectId: project.id, progress: 101, reportedAt: DEMO_REFERENCE_DATE },
        }),
      ).toMatchObject({
        data: null,
        errors: [
          {
            message: 'Progress 101 is not a percentage; give a whole number from 0 to 100.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'input.progress' },
          },
        ],
      });
      expect(
        await rejected(project.id, REPORT, {
          input: { projectId: 'MP-9999', progress: 50, reportedAt: DEMO_REFERENCE_DATE },
        }),
      ).toEqual({
        data: null,
        errors: [
          {
            message: 'No municipal project has id "MP-9999"; pass a project id such as MP-0001.',
            locations: expect.any(Array),
            path: ['reportProgress'],
            extensions: { code: 'NOT_FOUND', argument: 'input.projectId' },
          },
        ],
      });
    });

    it('files simultaneous reports on one project one after the other', async () => {
      const project = pick('IN_PROGRESS', 7);
      const before = await dbState(project.id);
      const input = {
        projectId: project.id,
        progress: project.progress + 2,
        reportedAt: DEMO_REFERENCE_DATE,
      };
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => callSubgraph(sg.url, REPORT, { input }, writer)),
      );
      expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect((await dbState(project.id)).reports).toBe(before.reports + 4);
      const sequences = (await sg.orm.em.fork().find(ProgressReport, { projectId: project.id })).map(
        (r) => r.sequence,
      );
      expect(sequences.sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i + 1));
    });

    const INSPECT = `mutation($input: RecordInspectionInput!) {
      recordInspection(input: $input) { id date inspector result notes }
    }`;

    it('records an inspection, and refuses a FAILED one without notes', async () => {
      const project = pick('IN_PROGRESS', 4);
      const input = { projectId: project.id, date: '2026-10-28', inspector: 'المهندسة زينب الربيعي' };
      const res = await callSubgraph(
        sg.url,
        INSPECT,
        { input: { ...input, result: 'REMARKS', notes: 'تأخر رفع الأنقاض' } },
        writer,
      );
      expect(res.body).toEqual({
        data: {
          recordInspection: {
            id: expect.stringMatching(/^IN-[0-9a-f-]{36}$/),
            date: '2026-10-28',
            inspector: 'المهندسة زينب الربيعي',
            result: 'REMARKS',
            notes: 'تأخر رفع الأنقاض',
          },
        },
      });

      expect(await rejected(project.id, INSPECT, { input: { ...input, result: 'FAILED' } })).toEqual({
        data: null,
        errors: [
          {
            message: 'A FAILED inspection needs notes saying what failed; give input.notes.',
            locations: expect.any(Array),
            path: ['recordInspection'],
            extensions: { code: 'BAD_USER_INPUT', argument: 'input.notes' },
          },
        ],
      });
    });

    const SUSPEND =
      'mutation($id: ID!, $reason: String!) { suspendProject(id: $id, reason: $reason) { id status suspensionReason } }';
    const RESUME = 'mutation($id: ID!) { resumeProject(id: $id) { id status suspensionReason } }';

    it('suspends an IN_PROGRESS project and resumes it', async () => {
      const project = pick('IN_PROGRESS', 5);
      const reason = 'تأخر صرف المستحقات المالية للمقاول';
      expect((await callSubgraph(sg.url, SUSPEND, { id: project.id, reason }, writer)).body).toEqual({
        data: { suspendProject: { id: project.id, status: 'SUSPENDED', suspensionReason: reason } },
      });
      expect((await callSubgraph(sg.url, RESUME, { id: project.id }, writer)).body).toEqual({
        data: { resumeProject: { id: project.id, status: 'IN_PROGRESS', suspensionReason: null } },
      });
    });

    it('refuses to suspend a PLANNED project or resume an IN_PROGRESS one, changing nothing', async () => {
      const planned = pick('PLANNED', 1);
      expect(await rejected(planned.id, SUSPEND, { id: planned.id, reason: 'سبب' })).toEqual({
        data: null,
        errors: [
          {
            message: `Project ${planned.id} is PLANNED; only an IN_PROGRESS project can be SUSPENDED.`,
            locations: expect.any(Array),
            path: ['suspendProject'],
            extensions: { code: 'INVALID_STATE_TRANSITION', status: 'PLANNED', requested: 'SUSPENDED' },
          },
        ],
      });
      const running = pick('IN_PROGRESS', 6);
      expect(await rejected(running.id, RESUME, { id: running.id })).toEqual({
        data: null,
        errors: [
          {
            message: `Project ${running.id} is IN_PROGRESS; only a SUSPENDED project can be resumed to IN_PROGRESS.`,
            locations: expect.any(Array),
            path: ['resumeProject'],
            extensions: { code: 'INVALID_STATE_TRANSITION', status: 'IN_PROGRESS', requested: 'IN_PROGRESS' },
          },
        ],
      });
    });
  });

  /** The rows a mutation could touch, read straight from the database. */
  async function dbState(projectId: string) {
    const em = sg.orm.em.fork();
    const project = await em.findOneOrFail(MunicipalProject, projectId);
    return {
      reports: await em.count(ProgressReport),
      inspections: await em.count(Inspection),
      project: { ...project },
    };
  }
});

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
