import { demoCitizens } from '../kit/demo/citizens';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

type Json = Record<string, unknown>;
const data = (res: { body: { data?: Json | null } }) => res.body.data as Json;
const codes = (res: { body: { errors?: { extensions?: Json }[] } }) =>
  res.body.errors?.map((e) => e.extensions?.code);
const paths = (res: { body: { errors?: { path?: unknown[] }[] } }) =>
  res.body.errors?.map((e) => e.path?.join('.'));

/** The national graph's cross-agency contract, and each demo client's permissions, end to end. */
describe('national graph: cross-agency queries and permissions', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity', 'health', 'planning', 'municipalities'] });
  });
  afterAll(() => graph.close());

  it('has its demo data: 1000 citizens, 60 contractors, 150+ projects, 200+ disability records, linked', async () => {
    const res = await graph.query(
      '{ contractors(first: 1) { totalCount } municipalProjects(first: 1) { totalCount } }',
      {},
      { client: 'planning-auditor' },
    );
    expect(data(res)).toEqual({
      contractors: { totalCount: 60 },
      municipalProjects: { totalCount: expect.any(Number) },
    });
    expect((data(res).municipalProjects as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(150);
    const records = await graph.query(
      '{ disabilityRecords(first: 100) { totalCount edges { node { citizen { nationalId fullName } } } } }',
      {},
      { client: 'welfare' },
    );
    const page = data(records).disabilityRecords as {
      totalCount: number;
      edges: { node: { citizen: Json } }[];
    };
    expect(page.totalCount).toBeGreaterThanOrEqual(200);
    // Every holder resolves in identity: the agencies' data agree.
    expect(page.edges.every((e) => typeof e.node.citizen.fullName === 'string')).toBe(true);
    expect(records.body.errors).toBeUndefined();
  });

  describe('welfare: disability status, not the medical file', () => {
    it('answers status, type, percentage and validity; medicalNotes and committee decisions are null with errors', async () => {
      const person = await firstRecordHolder(graph);
      const res = await graph.query(
        `query($id: String!) { citizen(nationalId: $id) {
            fullName
            disabilityRecords { disabilityType percentage status validUntil medicalNotes }
            committeeDecisions { deliberations }
          } }`,
        { id: person },
        { client: 'welfare' },
      );
      expect(res.status).toBe(200);
      const citizen = data(res).citizen as { disabilityRecords: Json[]; committeeDecisions: unknown };
      const record = citizen.disabilityRecords[0]!;
      expect(Object.keys(record)).toEqual([
        'disabilityType',
        'percentage',
        'status',
        'validUntil',
        'medicalNotes',
      ]);
      expect(record).toMatchObject({ percentage: expect.any(Number), status: 'ACTIVE', medicalNotes: null });
      expect(citizen.committeeDecisions).toBeNull();
      expect(res.body.errors).toEqual([
        {
          message:
            'You may not read DisabilityRecord.medicalNotes: it needs scope health.disability.medical:read.',
          locations: [{ line: 3, column: 77 }],
          path: ['citizen', 'disabilityRecords', '@', 'medicalNotes'],
          extensions: {
            code: 'UNAUTHORIZED_FIELD_OR_TYPE',
            coordinate: 'DisabilityRecord.medicalNotes',
            missingScopes: ['health.disability.medical:read'],
          },
        },
        {
          message: 'You may not read Citizen.committeeDecisions: it needs scope health.committee:read.',
          locations: [{ line: 4, column: 13 }],
          path: ['citizen', 'committeeDecisions'],
          extensions: {
            code: 'UNAUTHORIZED_FIELD_OR_TYPE',
            coordinate: 'Citizen.committeeDecisions',
            missingScopes: ['health.committee:read'],
          },
        },
      ]);
      // Never fetched: health was asked for neither field.
      expect(graph.subgraphs.health!.stats.recentQueries.join('\n')).not.toMatch(
        /medicalNotes(?!:__typename)/,
      );
    });
  });

  it('health-committee reads the medical file and the deliberations', async () => {
    const person = await firstRecordHolder(graph);
    const res = await graph.query(
      `query($id: String!) { citizen(nationalId: $id) {
          disabilityRecords { medicalNotes lastDecision { deliberations committee { name } } }
          committeeDecisions { kind percentage deliberations }
        } }`,
      { id: person },
      { client: 'health-committee' },
    );
    expect(res.body.errors).toBeUndefined();
    const citizen = data(res).citizen as {
      disabilityRecords: { medicalNotes: string }[];
      committeeDecisions: Json[];
    };
    expect(citizen.disabilityRecords[0]!.medicalNotes).toEqual(expect.any(String));
    expect(citizen.committeeDecisions.length).toBeGreaterThan(0);
  });

  it('planning-auditor: a contractor with grade, owner, projects with progress and delays', async () => {
    const res = await graph.query(
      `{ contractor(id: "CTR-0001") {
          id name grade status specializations
          owner { fullName }
          municipalProjects { title progress status delayDays plannedEndDate }
        } }`,
      {},
      { client: 'planning-auditor' },
    );
    expect(res.body.errors).toBeUndefined();
    const c = data(res).contractor as { owner: Json; municipalProjects: Json[] };
    expect(c.owner.fullName).toEqual(expect.any(String));
    expect(c.municipalProjects.length).toBeGreaterThan(0);
  });

  it('municipal-dashboard: projects and the contractor’s public fields only', async () => {
    const res = await graph.query(
      `{ municipalProjects(first: 3) { edges { node {
          title budget progress
          contractor { name grade status specializations owner { fullName } }
        } } } }`,
      {},
      { client: 'municipal-dashboard' },
    );
    const edges = (data(res).municipalProjects as { edges: { node: { contractor: Json } }[] }).edges;
    expect(edges).toHaveLength(3);
    expect(edges[0]!.node.contractor).toEqual({
      name: expect.any(String),
      grade: expect.any(Number),
      status: expect.any(String),
      specializations: null,
      owner: null,
    });
    expect(codes(res)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHORIZED_FIELD_OR_TYPE']);
    expect(paths(res)).toEqual([
      'municipalProjects.edges.@.node.contractor.specializations',
      'municipalProjects.edges.@.node.contractor.owner',
    ]);
  });

  it('anonymous: the public contractor registry, nothing else', async () => {
    const res = await graph.query(
      '{ contractors(first: 2) { edges { node { name grade status specializations } } } }',
    );
    const edges = (data(res).contractors as { edges: { node: Json }[] }).edges;
    expect(edges[0]!.node).toEqual({
      name: expect.any(String),
      grade: expect.any(Number),
      status: expect.any(String),
      specializations: null,
    });
    expect(paths(res)).toEqual(['contractors.edges.@.node.specializations']);
    const projects = await graph.query('{ municipalProjects(first: 1) { totalCount } }');
    expect(projects.body.data).toEqual({ municipalProjects: null });
    expect(codes(projects)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('a page over the maximum size: PAGE_SIZE_EXCEEDED from the owning subgraph', async () => {
    const res = await graph.query('{ contractors(first: 101) { totalCount } }');
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: '`first` may be at most 100; got 101. Page with `after`.',
          path: ['contractors'],
          extensions: {
            code: 'PAGE_SIZE_EXCEEDED',
            argument: 'first',
            maximum: 100,
            serviceName: 'planning',
          },
        },
      ],
    });
  });

  describe.each([1, 10, 100])('batching: a page of %i projects with their contractor', (n) => {
    it('makes one _entities request to planning and one SQL query for the contractors', async () => {
      const planning = graph.subgraphs.planning!.stats;
      const before = { requests: planning.requests, entities: planning.entityRequests, sql: planning.sql };
      const res = await graph.query(
        'query($n: Int!) { municipalProjects(first: $n) { edges { node { id contractor { name grade } } } } }',
        { n },
        { client: 'municipal-dashboard' },
      );
      expect(res.body.errors).toBeUndefined();
      expect((data(res).municipalProjects as { edges: unknown[] }).edges).toHaveLength(n);
      expect({
        requests: planning.requests - before.requests,
        entities: planning.entityRequests - before.entities,
        sql: planning.sql - before.sql,
      }).toEqual({ requests: 1, entities: 1, sql: 1 });
    });
  });

  it('one subgraph down: the other agencies answer, the error names the agency', async () => {
    const solo = await startNationalGraph({ only: ['identity', 'planning', 'municipalities'] });
    try {
      await solo.subgraphs.planning!.close();
      const res = await solo.query(
        '{ municipalProjects(first: 2) { edges { node { title contractor { name } } } } }',
        {},
        { client: 'municipal-dashboard' },
      );
      const edges = (data(res).municipalProjects as { edges: { node: { title: string } }[] }).edges;
      expect(edges.map((e) => typeof e.node.title)).toEqual(['string', 'string']);
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({
          message:
            'Ministry of Planning (planning) is unavailable; its fields are null and the rest of the answer stands.',
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'MOP' }),
        }),
      );
    } finally {
      await solo.router.close();
    }
  });
});

async function firstRecordHolder(graph: NationalGraph): Promise<string> {
  const res = await graph.query(
    '{ disabilityRecords(first: 1, filter: { status: ACTIVE }) { edges { node { citizen { nationalId } } } } }',
    {},
    { client: 'health-committee' },
  );
  const edges = (
    res.body.data as { disabilityRecords: { edges: { node: { citizen: { nationalId: string } } }[] } }
  ).disabilityRecords.edges;
  const id = edges[0]?.node.citizen.nationalId;
  if (!id || !demoCitizens().some((c) => c.nationalId === id))
    throw new Error('no record holder among demo citizens');
  return id;
}
