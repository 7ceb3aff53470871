import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePlatformKeys } from '../kit/auth/keys';
import { introspectionMode, loadConfig } from '../kit/config/variables';
import { databaseLocationOf } from '../kit/orm/database-location';
import { prepareSubgraph } from '../kit/subgraph/prepare-subgraph';
import { ROUTER_SUBGRAPH, SUBGRAPHS } from '../subgraphs';
import { startTracing } from '../kit/telemetry/tracing';
import { trackAsyncContexts } from '../kit/runtime/async-context';
import { startRouter } from './start-router';

/** The router process: configuration read once, its platform database opened, then listen. */
async function main() {
  trackAsyncContexts();
  const config = loadConfig();
  // Before the router is built: spans of its first requests are exported too.
  const tracing = await startTracing('router', config);
  const dataDir = config.dataDir ?? 'data';
  const keys = ensurePlatformKeys(dataDir, config.contextSecret);
  const platform = await prepareSubgraph(ROUTER_SUBGRAPH, {
    dataDir,
    databaseUrl: config.databaseUrl,
    seed: config.seed,
  });
  const router = await startRouter({
    supergraphSdl: readFileSync(config.supergraphPath ?? 'schema/supergraph.graphql', 'utf8'),
    subgraphUrls: config.subgraphUrls,
    agencies: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.agency])),
    platformPublicKeyPem: keys.platformPublicKeyPem,
    contextSecret: keys.contextSecret,
    // The audit journal lives beside the platform's data (and survives restarts with it).
    // The journal's copier runs beside the router, in a process of its own, on the same database.
    platform: {
      ...platform,
      journalDir: join(dataDir, 'audit-journal'),
      copierDatabase: databaseLocationOf(platform.orm),
    },
    authzMode: config.authzMode,
    dryRunSupergraphSdl: config.policyDryRun ? readFileSync(config.policyDryRun, 'utf8') : undefined,
    redisUrl: config.redisUrl,
    anonymousRateLimit: config.anonymousRateLimit,
    bodyLimit: config.maxBodyBytes,
    limits: {
      maxDepth: config.maxDepth,
      maxAliases: config.maxAliases,
      maxRootFields: config.maxRootFields,
      maxCost: config.maxCost,
    },
    introspection: introspectionMode(config),
    shareFetches: config.shareSubgraphCalls === 'on',
    registryCacheMs: config.registryCacheMs,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    circuitFailures: config.circuitFailures,
    circuitOpenSeconds: config.circuitOpenSeconds,
    maxConcurrentOperations: config.maxConcurrentOperations,
    maxQueuedOperations: config.maxQueuedOperations,
    logLevel: config.logLevel,
    host: config.host ?? '127.0.0.1',
    port: config.routerPort ?? 4000,
  });
  const stop = () =>
    void router
      .close()
      .then(() => platform.orm.close(true))
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Only now: a supervisor may stop the router as soon as it reads this line.
  console.log(`router ready at ${router.url}`);
}

main().catch((error) => {
  console.error('router failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
