import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { databaseLocationOf, type DatabaseLocation } from '../kit/orm/database-location';
import { openDatabase } from '../kit/orm/open-database';
import { ormDriver } from '../kit/orm/orm-driver';
import { newStats } from '../kit/orm/query-counter';
import { withSchemaLock } from '../kit/orm/schema-lock';
import { DatabaseClientRegistry } from '../router/clients/database-client-registry';
import { CachedClientRegistry } from '../router/clients/cached-client-registry';
import { type RunningRouter, startRouter } from '../router/start-router';
import { AuditJournal } from '../subgraphs/platform/audit/audit-journal';
import { AuditWriter } from '../subgraphs/platform/audit/audit-writer';
import { CopierProcess } from '../subgraphs/platform/audit/copier-process';
import { seedPlatform } from '../subgraphs/platform/seed';
import { platform as ROUTER_SUBGRAPH } from '../subgraphs/platform/subgraph';
import { answerParent } from './ipc';
import { meterHandlers } from './meter';
import { trackAsyncContexts } from '../kit/runtime/async-context';

/** Options the benchmark sends: the router as `router/main.ts` starts it, on port 0. */
export interface ServeRouterOptions {
  /**
   * The supergraph the router enforces. Given with the security features stripped (the national
   * workload's "permissions + audit off" target), its policy is empty: every field is open.
   */
  readonly supergraphSdl: string;
  readonly subgraphUrls: Record<string, string>;
  readonly agencies?: Record<string, string>;
  readonly platformPublicKeyPem: string;
  readonly contextSecret: string;
  /** Record every operation with the platform's audit writer, in the platform database. */
  readonly audit: boolean;
  /** Share identical subgraph calls in flight (default true, as in production). */
  readonly shareFetches?: boolean;
}

/**
 * Rate limits are checked as usual (the in-memory limiter) but set beyond what a run can reach:
 * the demo clients' real quotas (600 a minute) would turn the benchmark into a 429 benchmark.
 */
// The largest a PostgreSQL integer column holds: a minute of the benchmark never comes near it.
const UNREACHABLE_LIMIT = 2_147_483_647;

let router: RunningRouter | undefined;
let platformOrm: MikroORM | undefined;
let journal: AuditJournal | undefined;
let platformDir: string | undefined;
let ownSql = () => 0;

/** With DATABASE_URL (PostgreSQL, as in production), this router's own schema, dropped on stop. */
let pgSchema: string | undefined;

/**
 * The router's platform database, as in production: the platform subgraph's tables (migrated)
 * in a SQLite file of its own in a temp folder, or in a schema of its own in the PostgreSQL that
 * DATABASE_URL names (then the database engine's work is outside the router's process), seeded as the platform seeds itself on first
 * start (the demo clients and their purposes), then every client's rate limit set out of reach.
 * The client registry reads it on every request; the audit writer (when on) appends to it.
 */
async function openPlatformDatabase(): Promise<MikroORM> {
  const stats = newStats();
  platformDir = mkdtempSync(join(tmpdir(), 'ur-bench-platform-'));
  const orm = await openDatabase({
    name: ROUTER_SUBGRAPH.name,
    entities: ROUTER_SUBGRAPH.entities,
    migrations: ROUTER_SUBGRAPH.migrations,
    dataDir: platformDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    schema: (pgSchema = process.env.DATABASE_URL ? `bench_platform_${process.pid}` : undefined),
    stats,
  });
  try {
    await orm.em.fork().transactional((em) => seedPlatform(em));
    await orm.em.getConnection().execute('update client set rate_limit_per_minute = ?', [UNREACHABLE_LIMIT]);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  // Counted from here on (the meter takes differences): registry reads and audit writes.
  ownSql = () => stats.sql;
  return orm;
}

async function stop(): Promise<void> {
  await router?.close();
  await journal?.close();
  journal = undefined;
  const databaseUrl = process.env.DATABASE_URL;
  if (pgSchema && databaseUrl && platformOrm) {
    const orm = platformOrm;
    const schema = pgSchema;
    await withSchemaLock(databaseUrl, () =>
      orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`),
    );
  }
  await platformOrm?.close(true);
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
  router = undefined;
  platformOrm = undefined;
  platformDir = undefined;
  pgSchema = undefined;
}

/**
 * Child process: our router (authenticate against the platform database's registry → limits →
 * purpose → policy 'filter' → signed subgraph calls → audit), measured from inside.
 */
answerParent(
  {
    ...meterHandlers(
      () => ownSql(),
      async () => journal?.flush(),
      () => journal?.copierPid,
    ),
    async start(payload) {
      const options = payload as ServeRouterOptions;
      // As the production entry points: async context tracking released when idle (kit/runtime).
      trackAsyncContexts();
      const orm = await openPlatformDatabase();
      platformOrm = orm;
      router = await startRouter({
        supergraphSdl: options.supergraphSdl,
        subgraphUrls: options.subgraphUrls,
        agencies: options.agencies,
        platformPublicKeyPem: options.platformPublicKeyPem,
        contextSecret: options.contextSecret,
        // As main.ts runs it: the registry's entries kept for UR_REGISTRY_CACHE_MS's default.
        clients: new CachedClientRegistry(new DatabaseClientRegistry(orm), 1000),
        auditSink: (journal = options.audit
          ? await AuditJournal.open(
              join(platformDir as string, 'audit-journal'),
              new AuditWriter(ormDriver(orm)),
              // As main.ts runs it: the copier in a process of its own, on the same database.
              (onCopied) =>
                CopierProcess.start(
                  {
                    dir: join(platformDir as string, 'audit-journal'),
                    database: databaseLocationOf(orm) as DatabaseLocation,
                  },
                  onCopied,
                ),
            )
          : undefined),
        anonymousRateLimit: UNREACHABLE_LIMIT,
        // The standard federation query nests four unpaginated lists: ~1.5 M by the cost estimate.
        limits: { maxCost: 10_000_000 },
        authzMode: 'filter',
        shareFetches: options.shareFetches,
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
