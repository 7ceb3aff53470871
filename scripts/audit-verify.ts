/**
 * `npm run audit:verify`: checks the whole audit chain in the router's database (UR_DATA_DIR or
 * DATABASE_URL) and names the first broken entry. Exit code 0 when intact, 1 when broken.
 */
import 'reflect-metadata';
import { loadConfig } from '../kit/config/variables';
import { openDatabase } from '../kit/orm/open-database';
import { newStats } from '../kit/orm/query-counter';
import { verifyChain } from '../subgraphs/platform/audit/verify-chain';
import { ROUTER_SUBGRAPH } from '../subgraphs';

async function main() {
  const config = loadConfig();
  const orm = await openDatabase({
    name: ROUTER_SUBGRAPH.name,
    entities: ROUTER_SUBGRAPH.entities,
    migrations: ROUTER_SUBGRAPH.migrations,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir ?? 'data',
    stats: newStats(),
  });
  try {
    const report = await verifyChain(orm.em.fork());
    if (report.ok) {
      console.log(`audit chain intact: ${report.entries} entries`);
      return;
    }
    console.error(
      `audit chain BROKEN at entry ${report.firstBroken?.seq}: ${report.firstBroken?.problem} (${report.entries} entries verified before it)`,
    );
    process.exitCode = 1;
  } finally {
    await orm.close(true);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
