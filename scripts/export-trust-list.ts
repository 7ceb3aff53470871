/**
 * Writes the national trust list, as the router publishes it at /trust-list.json, from the
 * documents subgraph's database to a file that offline verifiers can use:
 *   npm run export-trust-list [-- --out <file>]        (default: <UR_DATA_DIR>/trust-list.json)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../kit/config/variables';
import { renderTrustListJson } from '../kit/secured-documents/trust-list-json';
import { openSeededDocumentsDatabase } from '../subgraphs/documents/database';
import { loadTrustList } from '../subgraphs/documents/signing/trust-store';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const out = arg('out') ?? join(loadConfig().dataDir ?? 'data', 'trust-list.json');
  const orm = await openSeededDocumentsDatabase();
  try {
    const list = await loadTrustList(orm.em.fork(), new Date());
    writeFileSync(out, renderTrustListJson(list));
    const keys = list.issuers.reduce((n, i) => n + i.keys.length, 0);
    console.log(
      `${out}: ${list.issuers.length} issuers, ${keys} keys, ${list.revocations.length} revoked or suspended documents`,
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
