import 'reflect-metadata';
import { ensurePlatformKeys } from '../auth/keys';
import { loadConfig } from '../config/variables';
import { startTracing } from '../telemetry/tracing';
import { trackAsyncContexts } from '../runtime/async-context';
import type { SubgraphDefinition } from './define-subgraph';
import { startSubgraph } from './start-subgraph';

/**
 * A subgraph's `main.ts`: read configuration once, start tracing when an OTLP endpoint is set (the
 * subgraph's name is its service name), listen, stop cleanly on SIGTERM/SIGINT (spans flushed).
 */
export async function runSubgraphMain(definition: SubgraphDefinition): Promise<void> {
  trackAsyncContexts();
  try {
    const config = loadConfig();
    const dataDir = config.dataDir ?? 'data';
    const keys = ensurePlatformKeys(dataDir, config.contextSecret);
    const tracing = await startTracing(definition.name, config);
    const running = await startSubgraph(definition, {
      contextSecret: keys.contextSecret,
      host: config.host ?? '127.0.0.1',
      port: config.subgraphPort ?? definition.port,
      dataDir,
      databaseUrl: config.databaseUrl,
      seed: config.seed,
    });
    const stop = () =>
      void running
        .close()
        .then(() => tracing.shutdown().catch((error: unknown) => console.error('tracing shutdown:', error)))
        .then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // Only now: a supervisor may stop the subgraph as soon as it reads this line.
    console.log(`${definition.name} subgraph ready at ${running.url}`);
  } catch (error) {
    console.error(
      `${definition.name} subgraph failed to start:`,
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  }
}
