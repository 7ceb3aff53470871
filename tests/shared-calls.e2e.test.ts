import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditEntry } from '../subgraphs/platform/entities/audit-entry.entity';
import { type Answer, type NationalGraph, startNationalGraph } from './support/national-graph';

/**
 * Identical subgraph calls of one caller in flight at once are made once
 * (router/execution/shared-fetches.ts). A holding proxy in front of health keeps its calls
 * until the test lets them go, so the overlap is certain, not a matter of timing.
 */

/** Forwards calls to `target`: at once while `passing`, else once `release` is called. */
class HoldingProxy {
  private readonly server: Server;
  private held: (() => void)[] = [];
  private arrived: () => void = () => undefined;
  url = '';
  target = '';
  passing = true;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.held.push(() => {
          void fetch(this.target, {
            method: 'POST',
            headers: req.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }).then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(await answer.text());
          });
        });
        if (this.passing) this.release();
        else this.arrived();
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** Resolves once `n` calls are held. */
  holding(n: number): Promise<void> {
    return new Promise((resolve) => {
      this.arrived = () => this.held.length >= n && resolve();
      this.arrived();
    });
  }

  get count(): number {
    return this.held.length;
  }

  release(): void {
    for (const forward of this.held.splice(0)) forward();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const QUERY = `query Status($id: String!) {
  citizen(nationalId: $id) { fullName disabilityRecords { status percentage } }
}`;

describe('identical subgraph calls in flight, made once per caller', () => {
  let graph: NationalGraph;
  let proxy: HoldingProxy;
  let holder: string;

  beforeAll(async () => {
    proxy = new HoldingProxy();
    await proxy.listen();
    graph = await startNationalGraph({
      only: ['identity', 'health'],
      router: { subgraphUrls: { health: proxy.url } },
    });
    proxy.target = graph.subgraphs.health?.url ?? '';
    const first = await graph.query(
      '{ disabilityRecords(first: 1, filter: { status: ACTIVE }) { edges { node { citizen { nationalId } } } } }',
      {},
      { client: 'welfare' },
    );
    holder = (
      first.body.data as { disabilityRecords: { edges: { node: { citizen: { nationalId: string } } }[] } }
    ).disabilityRecords.edges[0]!.node.citizen.nationalId;
    proxy.passing = false;
  });
  afterAll(async () => {
    await graph?.close();
    await proxy?.close();
  });

  /** The router's count of calls joined, for one subgraph, read from /metrics. */
  async function joined(subgraph: string): Promise<number> {
    const text = await (await fetch(new URL('/metrics', graph.router.url))).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`ur_subgraph_calls_joined_total{subgraph="${subgraph}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  async function whenJoined(subgraph: string, n: number): Promise<void> {
    while ((await joined(subgraph)) < n) await new Promise((resolve) => setImmediate(resolve));
  }

  const asked = (client: string) => graph.query(QUERY, { id: holder }, { client });

  it('two operations of one client make one health call; each gets the whole answer and its own audit entry', async () => {
    const before = await joined('health');
    const answers = [asked('welfare'), asked('welfare')];
    await proxy.holding(1);
    await whenJoined('health', before + 1);
    expect(proxy.count).toBe(1);
    proxy.release();
    const [a, b] = (await Promise.all(answers)) as [Answer, Answer];
    expect(a).toEqual({
      status: 200,
      body: {
        data: {
          citizen: {
            fullName: expect.any(String),
            disabilityRecords: [
              expect.objectContaining({ status: 'ACTIVE', percentage: expect.any(Number) }),
            ],
          },
        },
      },
    });
    expect(b).toEqual(a);
    await graph.auditWritten();
    const ids = [a, b].map((r) => r.headers.get('ur-request-id') ?? '');
    expect(ids[0]).not.toBe(ids[1]);
    const entries = await graph.platformOrm.em.fork().find(AuditEntry, { requestId: { $in: ids } });
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        clientId: 'welfare',
        subgraphs: ['identity', 'health'],
        subjects: [holder],
      });
    }
  });

  it('another client asking the same at the same moment gets a call of its own', async () => {
    const answers = [asked('welfare'), asked('health-committee')];
    await proxy.holding(2);
    proxy.release();
    const [welfare, committee] = await Promise.all(answers);
    expect(committee).toEqual(welfare);
  });
});
