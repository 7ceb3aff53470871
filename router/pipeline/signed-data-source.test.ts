import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { randomUUID } from 'node:crypto';
import { anonymousCaller } from '../../kit/auth/caller';
import { CONTEXT_HEADER } from '../../kit/auth/context-token';
import { SUBJECTS_EXTENSION } from '../../kit/subgraph/collect-subjects';
import { SharedFetches } from '../execution/shared-fetches';
import type { RouterContext } from '../router-context';
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

describe('SignedDataSource sharing identical calls in flight', () => {
  let server: Server;
  let url: string;
  /** Calls the subgraph has received and not answered yet; `answerAll` answers them. */
  let waiting: { body: string; context: string | undefined; answer: () => void }[] = [];
  let arrived: () => void = () => undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const context = req.headers[CONTEXT_HEADER] as string | undefined;
        waiting.push({
          body,
          context,
          answer: () => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({
                data: { citizen: { name: 'Zainab' } },
                extensions: { [SUBJECTS_EXTENSION]: ['199012345678'] },
              }),
            );
          },
        });
        arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Waits until the subgraph holds `n` calls. */
  const holding = (n: number) =>
    new Promise<void>((resolve) => {
      arrived = () => waiting.length >= n && resolve();
      arrived();
    });
  const answerAll = () => {
    for (const call of waiting.splice(0)) call.answer();
  };

  const caller = {
    ...anonymousCaller('r'),
    clientId: 'welfare',
    scopes: ['identity.citizen.basic:read'],
    purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
  };
  const contextOf = (
    overrides: Partial<typeof caller> = {},
    requestId: string = randomUUID(),
  ): RouterContext => ({
    caller: { ...caller, ...overrides, requestId },
    contextToken: () => Promise.resolve(`token-${requestId}`),
    subgraphsCalled: new Set(),
    subjects: new Set(),
  });
  const call = (
    source: SignedDataSource,
    context: RouterContext,
    operation: 'query' | 'mutation' = 'query',
  ) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: '{ citizen { name } }', variables: { id: '1' } },
      incomingRequestContext: { operation: { operation } } as never,
      context,
      document: undefined as never,
      pathInIncomingRequest: undefined,
    });

  beforeEach(() => {
    waiting = [];
  });

  it('makes one call for two operations of the same caller, each with its own copy, subjects and record', async () => {
    const joined: boolean[] = [];
    const guards = new SubgraphGuards({
      timeoutMs: 5_000,
      circuitFailures: 5,
      circuitOpenMs: 1_000,
      onCall: (c) => joined.push(c.joined ?? false),
    });
    const source = new SignedDataSource('identity', url, 'NDC', guards.for('identity'), new SharedFetches());
    const [a, b] = [contextOf(), contextOf()];
    const answers = [call(source, a), call(source, b)];
    await holding(1);
    answerAll();
    const [first, second] = await Promise.all(answers);
    expect(first).toEqual({ data: { citizen: { name: 'Zainab' } } });
    expect(second).toEqual(first);
    expect(second?.data).not.toBe(first?.data);
    for (const context of [a, b]) {
      expect([...context.subjects]).toEqual(['199012345678']);
      expect([...context.subgraphsCalled]).toEqual(['identity']);
    }
    expect(joined.sort()).toEqual([false, true]);
    expect(waiting).toEqual([]);
  });

  it('calls once per view: another purpose, client or scope is another call', async () => {
    const source = new SignedDataSource('identity', url, 'NDC', undefined, new SharedFetches());
    const answers = [
      call(source, contextOf()),
      call(source, contextOf({ purpose: 'AUDIT' })),
      call(source, contextOf({ clientId: 'health-committee' })),
      call(source, contextOf({ scopes: [] })),
    ];
    await holding(4);
    expect(new Set(waiting.map((w) => w.context)).size).toBe(4);
    answerAll();
    await Promise.all(answers);
  });

  it('never shares a mutation, and a read after a mutation never joins a read begun before it', async () => {
    const source = new SignedDataSource('identity', url, 'NDC', undefined, new SharedFetches());
    const before = call(source, contextOf({}, 'before'));
    const writes = [call(source, contextOf(), 'mutation'), call(source, contextOf(), 'mutation')];
    await holding(3);
    for (const w of waiting.filter((w) => w.context !== 'token-before')) w.answer();
    waiting = waiting.filter((w) => w.context === 'token-before');
    await Promise.all(writes);
    const after = call(source, contextOf());
    await holding(2);
    answerAll();
    await Promise.all([before, after]);
  });

  it('without SharedFetches, every call is made', async () => {
    const source = new SignedDataSource('identity', url, 'NDC');
    const answers = [call(source, contextOf()), call(source, contextOf())];
    await holding(2);
    answerAll();
    await Promise.all(answers);
  });
});
