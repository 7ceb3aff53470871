import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importPrivateKey, issuePlatformToken } from '../kit/auth/client-token';
import { DEMO_CLIENTS } from '../router/clients/demo-clients';
import { ROUTER_NODE_FLAGS } from '../router/node-flags';
import type { CpuLayout } from './ipc';
import type { RequestSpec } from './load';
import type { Settings } from './measure';

/** What every workload of one run shares: settings, CPU layout, and the platform's keys. */
export interface BenchContext {
  readonly settings: Settings;
  readonly layout: CpuLayout;
  /** Our router records every operation (the default; `--no-audit` shows what the audit costs). */
  readonly audit: boolean;
  readonly platformPublicKeyPem: string;
  /** Secret the router (and the plain gateway, for the national graph) signs subgraph context with. */
  readonly contextSecret: string;
  /** Headers for a demo client (token and its first registered purpose), or anonymous for `null`. */
  headersFor(client: string | null): Promise<Record<string, string>>;
  log(message: string): void;
}

/** A fresh Ed25519 platform key pair and context secret for this run: nothing persists. */
export async function createContext(
  settings: Settings,
  layout: CpuLayout,
  log: (message: string) => void,
  audit = true,
): Promise<BenchContext> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const signingKey = await importPrivateKey(privateKey);
  return {
    settings,
    layout,
    audit,
    platformPublicKeyPem: publicKey,
    contextSecret: randomBytes(32).toString('base64url'),
    async headersFor(client) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (client === null) return headers;
      headers.authorization = `Bearer ${await issuePlatformToken(client, signingKey, 3600)}`;
      const purpose = DEMO_CLIENTS.find((c) => c.id === client)?.purposes[0];
      if (purpose) headers['ur-purpose'] = purpose;
      return headers;
    },
    log,
  };
}

export function requestSpec(
  label: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string>,
): RequestSpec {
  return { label, body: Buffer.from(JSON.stringify({ query, variables: variables ?? {} })), headers };
}

/** The repository root (package.json and schema/), from bench/ or dist/bench/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schema'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** How our router runs in every workload, for the notes under each table. */
export function ourRouterNote(who: string, audit: boolean): string {
  const database = process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'SQLite file';
  return (
    `our router: startRouter, authz 'filter', ${who}; clients and purposes read from its platform database ` +
    `(DatabaseClientRegistry, ${database}, seeded with the demo clients), each client kept 1 s (CachedClientRegistry, as npm start); platform token ` +
    `(EdDSA) verified and purpose checked on every request; rate limits checked (set out of reach); subgraph ` +
    `context signed once per request; node ${ROUTER_NODE_FLAGS.join(' ')} as npm start runs it; ` +
    (audit
      ? `audit on (the platform's AuditJournal: a journal file, copied into the hash chain in the same database by a copier process beside the router, as npm start runs it)`
      : `AUDIT OFF (--no-audit)`)
  );
}
