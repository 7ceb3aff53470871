import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { composeSupergraph } from '../kit/schema/compose';
import { TEST_SECRET } from '../kit/testing/subgraph-harness';
import { StaticClientRegistry } from '../router/clients/demo-clients';
import { type RouterOptions, type RunningRouter, startRouter } from '../router/start-router';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
  type Query {
    "Answers \`word\` once the test lets it through (at once unless the test holds it)."
    echo(word: String!): String!
  }
`;

/**
 * A subgraph whose answers the test releases: `hold(word)` makes calls for that word wait until
 * `let(word)`; every call is noted in `calls`, in order.
 */
class GatedSubgraph {
  readonly calls: string[] = [];
  private readonly held = new Map<string, { promise: Promise<void>; open: () => void }>();
  private server: Server | undefined;
  url = '';

  hold(word: string): void {
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.held.set(word, { promise, open });
  }

  let(word: string): void {
    this.held.get(word)?.open();
  }

  async start(): Promise<void> {
    const schema = buildSubgraphSchema({
      typeDefs: parse(SDL),
      resolvers: {
        Query: {
          echo: async (_: unknown, { word }: { word: string }) => {
            this.calls.push(word);
            await this.held.get(word)?.promise;
            return word;
          },
        },
      },
    });
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        void graphql({ schema, source: query, variableValues: variables }).then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async close(): Promise<void> {
    for (const gate of this.held.values()) gate.open();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Polls `check` until it holds (every 10 ms, for at most 10 s): waits for a state, never times it. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

describe('admission control: 1 operation at once, 1 waiting', () => {
  const subgraph = new GatedSubgraph();
  let supergraphSdl: string;
  let publicKey: string;
  const routers: RunningRouter[] = [];

  async function router(options: Partial<RouterOptions>): Promise<RunningRouter> {
    const running = await startRouter({
      supergraphSdl,
      subgraphUrls: { echo: subgraph.url },
      agencies: { echo: 'NDC' },
      platformPublicKeyPem: publicKey,
      contextSecret: TEST_SECRET,
      clients: new StaticClientRegistry([]),
      authzMode: 'filter',
      host: '127.0.0.1',
      port: 0,
      ...options,
    });
    routers.push(running);
    return running;
  }

  let graph: RunningRouter;

  beforeAll(async () => {
    await subgraph.start();
    supergraphSdl = composeSupergraph(
      {
        federation_version: '=2.14.4',
        subgraphs: { echo: { routing_url: subgraph.url, schema: { file: '' } } },
      },
      { echo: SDL },
    );
    ({ publicKey } = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }));
    graph = await router({ maxConcurrentOperations: 1, maxQueuedOperations: 1 });
  });
  afterAll(async () => {
    await Promise.all(routers.map((r) => r.close()));
    await subgraph.close();
  });

  async function echo(to: RunningRouter, word: string, signal?: AbortSignal): Promise<Answer> {
    const res = await fetch(to.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query Echo($word: String!) { echo(word: $word) }',
        variables: { word },
      }),
      signal,
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  }

  /** The router's `ur_` samples from /metrics. */
  async function metrics(to: RunningRouter): Promise<Map<string, number>> {
    const text = await (await fetch(to.url.replace(/\/graphql$/, '/metrics'))).text();
    const samples = new Map<string, number>();
    for (const line of text.split('\n')) {
      const m = /^(ur_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
      if (m) samples.set(m[1]!, Number(m[2]));
    }
    return samples;
  }

  const slots = async (to: RunningRouter) => {
    const samples = await metrics(to);
    return { active: samples.get('ur_operations_active'), waiting: samples.get('ur_operations_waiting') };
  };

  const answered = (word: string): Answer => ({
    status: 200,
    retryAfter: null,
    body: { data: { echo: word } },
  });

  it('runs one, queues the next, refuses the third with 503 ROUTER_OVERLOADED; then the slots are free', async () => {
    expect(await slots(graph)).toEqual({ active: 0, waiting: 0 });
    subgraph.hold('first');
    subgraph.hold('second');
    const first = echo(graph, 'first');
    await until('the first operation reaches the subgraph', () => subgraph.calls.includes('first'));
    const second = echo(graph, 'second');
    await until('the second operation waits', async () => (await slots(graph)).waiting === 1);

    expect(await echo(graph, 'third')).toEqual({
      status: 503,
      retryAfter: '1',
      body: {
        errors: [
          {
            message:
              'The router is at capacity (1 operations running, 1 waiting); the operation was not run. Retry in 1 s.',
            extensions: { code: 'ROUTER_OVERLOADED', retryAfter: 1 },
          },
        ],
      },
    });
    expect(subgraph.calls).toEqual(['first']); // the waiting one has not started

    subgraph.let('first');
    expect(await first).toEqual(answered('first'));
    await until('the second operation reaches the subgraph', () => subgraph.calls.includes('second'));
    expect(await slots(graph)).toEqual({ active: 1, waiting: 0 });
    subgraph.let('second');
    expect(await second).toEqual(answered('second'));
    expect(subgraph.calls).toEqual(['first', 'second']);

    await until('the slot is free', async () => (await slots(graph)).active === 0);
    expect(await echo(graph, 'fourth')).toEqual(answered('fourth'));
    expect(await slots(graph)).toEqual({ active: 0, waiting: 0 });
    const samples = await metrics(graph);
    expect({
      overloaded: samples.get('ur_errors_total{code="ROUTER_OVERLOADED"}'),
      refused: samples.get('ur_requests_total{operation="unparsed",outcome="failed"}'),
      ok: samples.get('ur_requests_total{operation="Echo",outcome="ok"}'),
    }).toEqual({ overloaded: 1, refused: 1, ok: 3 });
  });

  it('a caller who goes away while waiting leaves the queue, and is never run', async () => {
    subgraph.hold('busy');
    const busy = echo(graph, 'busy');
    await until('the busy operation reaches the subgraph', () => subgraph.calls.includes('busy'));
    const leaving = new AbortController();
    const gone = echo(graph, 'gone', leaving.signal).catch((error: Error) => error.name);
    await until('it waits', async () => (await slots(graph)).waiting === 1);
    leaving.abort();
    expect(await gone).toBe('AbortError');
    await until('the queue is empty again', async () => (await slots(graph)).waiting === 0);

    subgraph.let('busy');
    expect(await busy).toEqual(answered('busy'));
    await until('the slot is free', async () => (await slots(graph)).active === 0);
    expect(await echo(graph, 'after')).toEqual(answered('after'));
    expect(subgraph.calls.slice(-2)).toEqual(['busy', 'after']); // `gone` never reached the subgraph
  });

  it('an operation that waits longer than maxQueueWaitMs is refused with 503 ROUTER_OVERLOADED', async () => {
    const impatient = await router({
      maxConcurrentOperations: 1,
      maxQueuedOperations: 5,
      maxQueueWaitMs: 50,
    });
    subgraph.hold('slow');
    const slow = echo(impatient, 'slow');
    await until('the slow operation reaches the subgraph', () => subgraph.calls.includes('slow'));
    expect(await echo(impatient, 'late')).toEqual({
      status: 503,
      retryAfter: '1',
      body: {
        errors: [
          {
            message:
              'The router is at capacity (this operation waited 50 ms for one of its 1 operation slots); the operation was not run. Retry in 1 s.',
            extensions: { code: 'ROUTER_OVERLOADED', retryAfter: 1 },
          },
        ],
      },
    });
    subgraph.let('slow');
    expect(await slow).toEqual(answered('slow'));
    expect(subgraph.calls).not.toContain('late');
  });
});
