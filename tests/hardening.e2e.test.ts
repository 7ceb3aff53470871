import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/** Prometheus text → `name{labels}` → value, for the samples whose name starts with `ur_`. */
async function scrape(
  graph: NationalGraph,
): Promise<{ status: number; type: string; samples: Map<string, number> }> {
  const res = await fetch(graph.router.url.replace(/\/graphql$/, '/metrics'));
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^(ur_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples.set(m[1]!, Number(m[2]));
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', samples };
}

async function post(graph: NationalGraph, body: string) {
  const res = await fetch(graph.router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('operation limits, with the default limits', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity', 'planning', 'municipalities'] });
  });
  afterAll(() => graph.close());

  it('too many aliases: 400 TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `c${i}: code`).join(' ');
    const res = await graph.query(`{ agencies { ${aliases} } }`);
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The operation uses 31 aliases; the limit is 30.',
            extensions: { code: 'TOO_MANY_ALIASES', limit: 30, measured: 31 },
          },
        ],
      },
    });
  });

  it('too many top-level fields: 400 TOO_MANY_ROOT_FIELDS', async () => {
    const res = await graph.query(`{ ${'agencies { code } '.repeat(21)}}`);
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The operation selects 21 top-level fields; the limit is 20.',
            extensions: { code: 'TOO_MANY_ROOT_FIELDS', limit: 20, measured: 21 },
          },
        ],
      },
    });
  });

  it('too costly: 400 QUERY_TOO_COSTLY, pages multiplied by `first`, lists without it by 20', async () => {
    // contractors 1 + 100 × (edges 1 + node 1 + projects 1 + 20 × (contractor 1 + projects 1 + 20 × id 1)) = 44301
    const res = await graph.query(
      '{ contractors(first: 100) { edges { node { municipalProjects { contractor { municipalProjects { id } } } } } } }',
    );
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              "The operation's estimated cost is 44301; the limit is 20000 (each field 1, the fields under a list times its `first`, or 20 without one).",
            extensions: { code: 'QUERY_TOO_COSTLY', limit: 20000, measured: 44301 },
          },
        ],
      },
    });
  });

  it('every limit an operation is over is named (depth 14, 20^5 projects), nothing is executed', async () => {
    const before = graph.subgraphs.planning!.stats.requests;
    let deep = 'id';
    for (let i = 0; i < 5; i++) deep = `municipalProjects { contractor { ${deep} } }`;
    const res = await graph.query(`{ contractors(first: 1) { edges { node { ${deep} } } } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.measured])).toEqual([
      ['QUERY_TOO_DEEP', 14],
      ['QUERY_TOO_COSTLY', 6736844],
    ]);
    expect(graph.subgraphs.planning!.stats.requests).toBe(before);
  });

  it('a batch (JSON array body): 400 BATCH_NOT_SUPPORTED', async () => {
    const res = await post(
      graph,
      JSON.stringify([{ query: '{ agencies { code } }' }, { query: '{ __typename }' }]),
    );
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Batched operations (a JSON array body) are not accepted: send one operation per request.',
            extensions: { code: 'BATCH_NOT_SUPPORTED' },
          },
        ],
      },
    });
  });

  it('introspection is open to everyone by default (development)', async () => {
    const res = await graph.query('{ __schema { queryType { name } } }');
    expect(res).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });
  });

  it('/metrics counts requests by operation and outcome, errors by code, durations by operation', async () => {
    const before = (await scrape(graph)).samples;
    await graph.query('query MetricsProbe { agencies { code } }');
    await graph.query('query MetricsProbe { agencies { code } }');
    await graph.query('query MetricsBroken { agencies { budget } }');
    await graph.query('{ agencies { code } }', {}, { token: 'not-a-token' });
    await post(graph, '[]');
    const { status, type, samples } = await scrape(graph);
    const delta = (key: string) => (samples.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect({
      probeOk: delta('ur_requests_total{operation="MetricsProbe",outcome="ok"}'),
      brokenFailed: delta('ur_requests_total{operation="MetricsBroken",outcome="failed"}'),
      unparsedFailed: delta('ur_requests_total{operation="unparsed",outcome="failed"}'),
      validation: delta('ur_errors_total{code="GRAPHQL_VALIDATION_FAILED"}'),
      unauthenticated: delta('ur_errors_total{code="UNAUTHENTICATED"}'),
      batch: delta('ur_errors_total{code="BATCH_NOT_SUPPORTED"}'),
      probeTimed: delta('ur_request_duration_seconds_count{operation="MetricsProbe"}'),
      probeUnder30s: delta('ur_request_duration_seconds_bucket{le="30",operation="MetricsProbe"}'),
      identityTimed: delta('ur_subgraph_request_duration_seconds_count{subgraph="identity"}'),
    }).toEqual({
      probeOk: 2,
      brokenFailed: 1,
      unparsedFailed: 2,
      validation: 1,
      unauthenticated: 1,
      batch: 1,
      probeTimed: 2,
      probeUnder30s: 2,
      identityTimed: 2,
    });
  });
});

describe('a subgraph that hangs; introspection for authenticated callers; depth limit 6', () => {
  let graph: NationalGraph;
  let hanging: Server;
  let calls = 0;
  beforeAll(async () => {
    hanging = createServer(() => {
      calls += 1; // never answers
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    graph = await startNationalGraph({
      only: ['identity'],
      router: {
        subgraphUrls: { planning: `http://127.0.0.1:${port}/graphql` },
        subgraphTimeoutMs: 300,
        circuitFailures: 2,
        circuitOpenSeconds: 600,
        introspection: 'authenticated',
        limits: { maxDepth: 6 },
      },
    });
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
    await graph.close();
  });

  const query = '{ agencies { code } contractor(id: "1") { name } }';

  it('its fields are null with SUBGRAPH_UNAVAILABLE naming the agency; the others answer', async () => {
    const res = await graph.query(query);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ agencies: expect.arrayContaining([{ code: 'MOP' }]), contractor: null });
    expect(res.body.errors).toEqual([
      {
        message:
          'Ministry of Planning (planning) is unavailable (it did not answer within 300 ms); its fields are null and the rest of the answer stands.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'planning', agency: 'MOP', timeoutMs: 300 },
      },
    ]);
    expect(calls).toBe(1);
  });

  it('after 2 consecutive failures the circuit opens: answered at once, the subgraph no longer called', async () => {
    await graph.query(query);
    expect(calls).toBe(2);
    const res = await graph.query(query);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ agencies: expect.any(Array), contractor: null });
    expect(res.body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Ministry of Planning \(planning\) is unavailable \(its circuit is open after 2 consecutive failed calls, and the router tries it again at \d{4}-\d\d-\d\dT[\d:.]+Z\); its fields are null and the rest of the answer stands\.$/,
        ),
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: 'planning',
          agency: 'MOP',
          circuit: 'open',
          retryAt: expect.any(String),
        },
      },
    ]);
    await graph.query(query);
    expect(calls).toBe(2);
    const { samples } = await scrape(graph);
    expect({
      timeouts: samples.get('ur_subgraph_errors_total{subgraph="planning",reason="timeout"}'),
      refused: samples.get('ur_subgraph_errors_total{subgraph="planning",reason="circuit-open"}'),
      open: samples.get('ur_subgraph_circuit_open{subgraph="planning"}'),
      unavailable: samples.get('ur_errors_total{code="SUBGRAPH_UNAVAILABLE"}'),
      partial: samples.get('ur_requests_total{operation="anonymous-operation",outcome="partial"}'),
    }).toEqual({ timeouts: 2, refused: 2, open: 1, unavailable: 4, partial: 4 });
  });

  it('too deep: 400 QUERY_TOO_DEEP naming the limit and the depth found', async () => {
    const res = await graph.query(
      '{ contractor(id: "1") { municipalProjects { contractor { municipalProjects { contractor { municipalProjects { id } } } } } } }',
    );
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The operation nests fields 7 deep; the limit is 6.',
            extensions: { code: 'QUERY_TOO_DEEP', limit: 6, measured: 7 },
          },
        ],
      },
    });
  });

  it('anonymous introspection: 400 INTROSPECTION_DISABLED', async () => {
    const res = await graph.query('{ __schema { queryType { name } } }');
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Schema introspection is for authenticated callers only; send a Bearer token.',
            extensions: { code: 'INTROSPECTION_DISABLED' },
          },
        ],
      },
    });
  });

  it('a registered client may introspect; `__typename` is not introspection', async () => {
    expect(await graph.query('{ __type(name: "Agency") { name } }', {}, { client: 'welfare' })).toEqual({
      status: 200,
      body: { data: { __type: { name: 'Agency' } } },
    });
    expect(await graph.query('{ __typename }')).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
  });
});
