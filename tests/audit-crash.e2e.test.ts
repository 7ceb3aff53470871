import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
 * The router process is killed (SIGKILL, no shutdown) in the middle of a load; afterwards every
 * operation that got an answer has its audit entry, and the chain is intact: an answer is only
 * released after its entry is committed.
 */
describe('router killed mid-load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ur-crash-'));
  let sg: RunningSubgraph;
  let router: ChildProcess;

  beforeAll(async () => {
    execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
    sg = await startTestSubgraph(identity);
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
  });

  afterAll(async () => {
    router.kill('SIGKILL');
    await sg.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no audit entry of an answered operation', async () => {
    const url = await new Promise<string>((resolve, reject) => {
      router.stdout!.on('data', (chunk: Buffer) => {
        const m = /router ready at (\S+)/.exec(chunk.toString());
        if (m) resolve(m[1] as string);
      });
      router.once('exit', (code) => reject(new Error(`router exited early (${code})`)));
    });
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
      const recorded = new Set(
        (await em.find(AuditEntry, { requestId: { $in: answered } })).map((e) => e.requestId),
      );
      expect(answered.filter((id) => !recorded.has(id))).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
