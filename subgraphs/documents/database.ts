import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../../kit/config/variables';
import { openDatabase } from '../../kit/orm/open-database';
import { newStats } from '../../kit/orm/query-counter';
import { Issuer } from './entities/issuer.entity';
import { documents } from './subgraph';

/**
 * The documents subgraph's own database, for the command-line tools (export-trust-list,
 * demo-tampered-payloads): configured as the subgraph is (UR_DATA_DIR, DATABASE_URL), and
 * refused when it has not been seeded yet, rather than answering with an empty trust list.
 */
export async function openSeededDocumentsDatabase(): Promise<MikroORM> {
  const config = loadConfig();
  const dataDir = config.dataDir ?? 'data';
  const notSeeded = 'the documents database has not been seeded yet: start the graph once (npm start).';
  if (!config.databaseUrl && !existsSync(join(dataDir, `${documents.name}.sqlite`)))
    throw new Error(notSeeded);
  const orm = await openDatabase({
    name: documents.name,
    entities: documents.entities,
    migrations: documents.migrations,
    databaseUrl: config.databaseUrl,
    dataDir,
    stats: newStats(),
  });
  if ((await orm.em.fork().count(Issuer)) === 0) {
    await orm.close(true);
    throw new Error(notSeeded);
  }
  return orm;
}
