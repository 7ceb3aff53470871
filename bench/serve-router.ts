import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { DEMO_CLIENTS, StaticClientRegistry } from '../router/clients/demo-clients';
import type { AuditSink } from '../router/pipeline/audit-trail';
import { type RunningRouter, startRouter } from '../router/start-router';
import { answerParent } from './ipc';
import { meterHandlers } from './meter';

/** Options the benchmark sends: the router as `router/main.ts` starts it, on port 0. */
export interface ServeRouterOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Record<string, string>;
  readonly agencies?: Record<string, string>;
  readonly platformPublicKeyPem: string;
  readonly contextSecret: string;
  /** Record every operation with the platform's audit writer (hash chain, SQLite file in a temp folder). */
  readonly audit: boolean;
}

/**
 * Rate limits are checked as usual (the in-memory limiter) but set beyond what a run can reach:
 * the demo clients' real quotas (600 a minute) would turn the benchmark into a 429 benchmark.
 */
const UNREACHABLE_LIMIT = Number.MAX_SAFE_INTEGER;
const BENCH_CLIENTS = DEMO_CLIENTS.map((c) => ({ ...c, rateLimitPerMinute: UNREACHABLE_LIMIT }));

let router: RunningRouter | undefined;
let auditOrm: MikroORM | undefined;
let auditDir: string | undefined;
let auditSql = () => 0;

/**
 * The audit store the router writes to: the platform subgraph's tables in a SQLite file of its
 * own (durable, as in production), written by the platform's AuditWriter.
 */
async function openAuditSink(): Promise<AuditSink> {
  const { platform: ROUTER_SUBGRAPH } = await import('../subgraphs/platform/subgraph');
  const { openDatabase } = await import('../kit/orm/open-database');
  const { newStats } = await import('../kit/orm/query-counter');
  const { AuditWriter } = await import('../subgraphs/platform/audit/audit-writer');
  const stats = newStats();
  auditDir = mkdtempSync(join(tmpdir(), 'ur-bench-audit-'));
  auditOrm = await openDatabase({
    name: ROUTER_SUBGRAPH.name,
    entities: ROUTER_SUBGRAPH.entities,
    migrations: ROUTER_SUBGRAPH.migrations,
    dataDir: auditDir,
    stats,
  });
  auditSql = () => stats.sql;
  return new AuditWriter(auditOrm);
}

async function stop(): Promise<void> {
  await router?.close();
  await auditOrm?.close(true);
  if (auditDir) rmSync(auditDir, { recursive: true, force: true });
  router = undefined;
  auditOrm = undefined;
  auditDir = undefined;
}

/**
 * Child process: our router (authenticate → limits → purpose → policy 'filter' → signed subgraph
 * calls → audit), measured from inside.
 */
answerParent(
  {
    ...meterHandlers(() => auditSql()),
    async start(payload) {
      const options = payload as ServeRouterOptions;
      router = await startRouter({
        supergraphSdl: options.supergraphSdl,
        subgraphUrls: options.subgraphUrls,
        agencies: options.agencies,
        platformPublicKeyPem: options.platformPublicKeyPem,
        contextSecret: options.contextSecret,
        clients: new StaticClientRegistry(BENCH_CLIENTS),
        auditSink: options.audit ? await openAuditSink() : undefined,
        anonymousRateLimit: UNREACHABLE_LIMIT,
        // The standard federation query nests four unpaginated lists: ~1.5 M by the cost estimate.
        limits: { maxCost: 10_000_000 },
        authzMode: 'filter',
        host: '127.0.0.1',
        port: 0,
      });
      return { url: router.url };
    },
    stop: async () => {
      await stop();
      return null;
    },
  },
  stop,
);
