import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { SignedDataSource } from './signed-data-source';
import { SubgraphGuards } from './subgraph-timeouts';

describe('SignedDataSource with a guard', () => {
  let server: Server;
  let url: string;
  const statuses: number[] = [];
  let calls = 0;
  beforeAll(async () => {
    // A subgraph answering each call with the next status of `statuses`, counting its calls.
    server = createServer((_req, res) => {
      calls += 1;
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const call = (source: SignedDataSource) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query: '{ ok }' },
      context: {},
    });

  it('4xx answers do not open the circuit; 5xx answers do, and then it is not called', async () => {
    const failures: (string | undefined)[] = [];
    const guards = new SubgraphGuards({
      timeoutMs: 5_000,
      circuitFailures: 2,
      circuitOpenMs: 600_000,
      onCall: (c) => failures.push(c.failure),
    });
    const source = new SignedDataSource('health', url, 'MOH', guards.for('health'));
    calls = 0;
    statuses.push(400, 400, 400, 503, 503);
    for (let i = 0; i < 5; i++) await call(source);
    const refused = await call(source);
    expect(calls).toBe(5);
    expect(failures).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'unreachable',
      'unreachable',
      'circuit-open',
    ]);
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'health',
      agency: 'MOH',
      circuit: 'open',
      retryAt: expect.any(String),
    });
  });

  it('a success resets the count of consecutive failures', async () => {
    const guards = new SubgraphGuards({ timeoutMs: 5_000, circuitFailures: 2, circuitOpenMs: 600_000 });
    const source = new SignedDataSource('health', url, 'MOH', guards.for('health'));
    statuses.push(503, 200, 503);
    expect((await call(source)).errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect((await call(source)).data).toEqual({ ok: true });
    await call(source);
    expect(guards.for('health').breaker.state).toBe('closed');
  });
});
