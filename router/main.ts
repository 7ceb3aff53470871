import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { ensurePlatformKeys } from '../kit/auth/keys';
import { loadConfig } from '../kit/config/variables';
import { SUBGRAPHS } from '../subgraphs';
import { StaticClientRegistry } from './clients/demo-clients';
import { startRouter } from './start-router';

/** The router process: configuration read once, then listen. */
async function main() {
  const config = loadConfig();
  const keys = ensurePlatformKeys(config.dataDir ?? 'data', config.contextSecret);
  const router = await startRouter({
    supergraphSdl: readFileSync(config.supergraphPath ?? 'schema/supergraph.graphql', 'utf8'),
    subgraphUrls: config.subgraphUrls,
    agencies: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.agency])),
    platformPublicKeyPem: keys.platformPublicKeyPem,
    contextSecret: keys.contextSecret,
    clients: new StaticClientRegistry(),
    authzMode: config.authzMode,
    host: config.host ?? '127.0.0.1',
    port: config.routerPort ?? 4000,
  });
  console.log(`router ready at ${router.url}`);
  const stop = () => void router.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error('router failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
