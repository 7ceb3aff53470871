import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyLike } from 'jose';
import { importPrivateKey, issuePlatformToken } from '../../kit/auth/client-token';
import type { RunningSubgraph } from '../../kit/subgraph/start-subgraph';
import { prepareTestSubgraph, startTestSubgraph, TEST_SECRET } from '../../kit/testing/subgraph-harness';
import type { AuthzMode } from '../../router/pipeline/policy-gateway';
import type { AuditSink } from '../../router/pipeline/audit-trail';
import { DEFAULT_OPERATION_LIMITS } from '../../router/pipeline/operation-limits';
import { type RouterOptions, type RunningRouter, startRouter } from '../../router/start-router';
import { ROUTER_SUBGRAPH, SUBGRAPHS } from '../../subgraphs';
import { Client } from '../../subgraphs/platform/entities/client.entity';
import type { MikroORM } from '@mikro-orm/core';

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    extensions?: Record<string, unknown>;
    errors?: {
      message: string;
      path?: unknown[];
      locations?: unknown[];
      extensions?: Record<string, unknown>;
    }[];
  };
}

export interface CallAs {
  /** A registered client id; its first allowed purpose is declared unless `purpose` says otherwise. */
  client?: string;
  /** `null`: declare no purpose. */
  purpose?: string | null;
  citizen?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface NationalGraph {
  readonly router: RunningRouter;
  readonly subgraphs: Record<string, RunningSubgraph>;
  /** The router's own database (client registry, audit trail). */
  readonly platformOrm: MikroORM;
  readonly platformKey: KeyLike;
  /** A platform-issued token for a client id (need not be registered) or `citizen:<id>`. */
  token(subject: string, ttlSeconds?: number): Promise<string>;
  /** POSTs an operation to the router. */
  query(query: string, variables?: Record<string, unknown>, as?: CallAs): Promise<Answer>;
  /** Copies the router's journaled audit entries into `platformOrm`'s chain: call before reading it. */
  auditWritten(): Promise<void>;
  /** Registers or replaces a client in the router's registry. */
  putClient(client: Omit<Client, 'updatedAt'>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole national graph on port 0, as `npm start` runs it but in one process: every ministry
 * subgraph (in-memory SQLite, or its own PostgreSQL schema under DATABASE_URL), and the router
 * with its platform database, serving the committed supergraph.
 */
export async function startNationalGraph(
  options: {
    authzMode?: AuthzMode;
    only?: string[];
    auditSink?: AuditSink;
    redisUrl?: string;
    dryRunSupergraphSdl?: string;
    /**
     * More router options (timeouts, introspection…); `subgraphUrls` are added to the running ones.
     * Operation limits are the production defaults unless given.
     */
    router?: Partial<RouterOptions>;
  } = {},
): Promise<NationalGraph> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const platformKey = await importPrivateKey(privateKey);
  const subgraphs: Record<string, RunningSubgraph> = {};
  const wanted = SUBGRAPHS.filter((s) => !options.only || options.only.includes(s.name));
  const [platform, ...running] = await Promise.all([
    prepareTestSubgraph(ROUTER_SUBGRAPH),
    ...wanted.map((d) => startTestSubgraph(d)),
  ]);
  for (const s of running) subgraphs[s.name] = s;
  const journalDir = mkdtempSync(join(tmpdir(), 'ur-audit-journal-'));
  const router = await startRouter({
    supergraphSdl: readFileSync('schema/supergraph.graphql', 'utf8'),
    ...options.router,
    limits: { ...DEFAULT_OPERATION_LIMITS, ...options.router?.limits },
    subgraphUrls: {
      ...Object.fromEntries(running.map((s) => [s.name, s.url])),
      ...options.router?.subgraphUrls,
    },
    agencies: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.agency])),
    platformPublicKeyPem: publicKey,
    contextSecret: TEST_SECRET,
    platform: { ...platform, journalDir },
    auditSink: options.auditSink,
    authzMode: options.authzMode ?? 'filter',
    dryRunSupergraphSdl: options.dryRunSupergraphSdl,
    redisUrl: options.redisUrl,
    host: '127.0.0.1',
    port: 0,
  });
  const token = (subject: string, ttl?: number) => issuePlatformToken(subject, platformKey, ttl);
  return {
    router,
    subgraphs,
    platformOrm: platform.orm,
    platformKey,
    token,
    async query(query, variables = {}, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const subject = as.client ?? (as.citizen ? `citizen:${as.citizen}` : undefined);
      const bearer = as.token ?? (subject ? await token(subject) : undefined);
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (as.client && as.purpose !== null) {
        const purpose =
          as.purpose ?? (await platform.orm.em.fork().findOne(Client, { id: as.client }))?.purposes[0];
        if (purpose) headers['ur-purpose'] = purpose;
      }
      Object.assign(headers, as.headers);
      const res = await fetch(router.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const answer = { status: res.status, body: (await res.json()) as Answer['body'] };
      // Not enumerable: tests compare whole answers ({ status, body }) with toEqual.
      return Object.defineProperty(answer, 'headers', { value: res.headers, enumerable: false }) as Answer;
    },
    auditWritten: () => router.flushAudit(),
    async putClient(client) {
      const em = platform.orm.em.fork();
      await em.upsert(Client, { ...client, updatedAt: new Date().toISOString() });
    },
    async close() {
      await router.close();
      await Promise.all([platform.close(), ...running.map((s) => s.close())]);
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
