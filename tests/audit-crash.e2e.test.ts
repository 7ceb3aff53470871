import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPrivateKey, issuePlatformToken } from '../kit/auth/client-token';
import { demoCitizens } from '../kit/demo/citizens';
import { openDatabase } from '../kit/orm/open-database';
import { newStats } from '../kit/orm/query-counter';
import type { RunningSubgraph } from '../kit/subgraph/start-subgraph';
import { startTestSubgraph, TEST_SECRET } from '../kit/testing/subgraph-harness';
import { ROUTER_SUBGRAPH } from '../subgraphs';
import { identity } from '../subgraphs/identity/subgraph';
import { verifyChain } from '../subgraphs/platform/audit/verify-chain';
import { AuditEntry } from '../subgraphs/platform/entities/audit-entry.entity';

/**
 * The router process is killed (SIGKILL, no shutdown) in the middle of a load, then started
 * again; afterwards every operation that got an answer has exactly one audit entry, and the chain
 * is intact: an answer is only released after its entry is journaled, and a restarted router
 * copies what a dead one left in its journal into the chain.
 */
/** Processes copying this data folder's audit journal (the router's copier children), by their environment. */
function copiersOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (env.includes('UR_AUDIT_COPIER=') && env.includes(dataDir)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

describe('router killed mid-load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ur-crash-'));
  let sg: RunningSubgraph;
  let router: ChildProcess;

  /** `npm start`'s router on this data folder; resolves to its URL once it is ready. */
  const startRouterProcess = () => {
    router = spawn(process.execPath, ['dist/router/main.js'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        REDIS_URL: '',
        UR_DATA_DIR: dataDir,
        UR_ROUTER_PORT: '0',
        UR_CONTEXT_SECRET: TEST_SECRET,
        UR_SUBGRAPH_URLS: `identity=${sg.url}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = router;
    return new Promise<string>((resolve, reject) => {
      started.stdout!.on('data', (chunk: Buffer) => {
        const m = /router ready at (\S+)/.exec(chunk.toString());
        if (m) resolve(m[1] as string);
      });
      started.once('exit', (code) => reject(new Error(`router exited early (${code})`)));
    });
  };

  beforeAll(async () => {
    execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
    sg = await startTestSubgraph(identity);
  });

  afterAll(async () => {
    router.kill('SIGKILL');
    await sg.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no audit entry of an answered operation, and records none twice', async () => {
    const url = await startRouterProcess();
    expect(copiersOf(dataDir)).toHaveLength(1);
    const key = await importPrivateKey(readFileSync(join(dataDir, 'keys', 'platform-ed25519.pem'), 'utf8'));
    const token = await issuePlatformToken('welfare', key);
    const people = demoCitizens();
    const answered: string[] = [];
    let failed = 0;
    let sent = 0;
    const worker = async () => {
      while (sent < 400) {
        const i = sent++;
        if (i === 120) router.kill('SIGKILL');
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'ur-purpose': 'SOCIAL_WELFARE_ELIGIBILITY',
            },
            body: JSON.stringify({
              query: 'query($id: String!) { citizen(nationalId: $id) { fullName } }',
              variables: { id: people[i % people.length]!.nationalId },
            }),
          });
          await res.json();
          if (res.status === 200) answered.push(res.headers.get('ur-request-id') as string);
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(answered.length).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(0);
    // The dead router's copier leaves too: its journal is the next start's to recover.
    while (copiersOf(dataDir).length) await new Promise((resolve) => setTimeout(resolve, 20));

    // The next start copies the dead router's journal into the chain; a clean stop then removes its own.
    await startRouterProcess();
    const stopped = new Promise((resolve) => router.once('exit', resolve));
    router.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(readdirSync(join(dataDir, 'audit-journal'))).toEqual([]);
    expect(copiersOf(dataDir)).toEqual([]);

    const orm = await openDatabase({
      name: ROUTER_SUBGRAPH.name,
      entities: ROUTER_SUBGRAPH.entities,
      migrations: ROUTER_SUBGRAPH.migrations,
      dataDir,
      stats: newStats(),
    });
    try {
      const em = orm.em.fork();
      const report = await verifyChain(em);
      expect(report).toMatchObject({ ok: true });
      const rows = await em.find(AuditEntry, { requestId: { $in: answered } });
      const recorded = new Set(rows.map((e) => e.requestId));
      expect(answered.filter((id) => !recorded.has(id))).toEqual([]);
      expect(rows).toHaveLength(answered.length);
    } finally {
      await orm.close(true);
    }
  });
});
