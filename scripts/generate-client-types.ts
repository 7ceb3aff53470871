/**
 * `npm run client-types`: regenerates clients/generated/operations.ts from clients/operations/.
 * `--check` writes nothing and fails when the committed file differs (`npm test` runs it; the
 * generator's ESM dependencies keep it out of jest).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED_FILE, renderClientTypes } from '../clients/render-client-types';

async function main() {
  const text = await renderClientTypes(readFileSync('schema/supergraph.graphql', 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERATED_FILE, 'utf8') !== text) {
      console.error(
        `${GENERATED_FILE} is out of date with clients/operations or the supergraph: run npm run client-types`,
      );
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(GENERATED_FILE), { recursive: true });
  writeFileSync(GENERATED_FILE, text);
  console.log(`wrote ${GENERATED_FILE}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
