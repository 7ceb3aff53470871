/**
 * `npm run compose`: prints each subgraph's SDL into schema/ and composes schema/supergraph.graphql
 * from them, as listed in rover.yaml. `--check` writes nothing and fails when a file would change.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, printSubgraphSdl, readRoverConfig } from '../kit/schema/compose';
import { subgraphByName } from '../subgraphs';

async function main() {
  const check = process.argv.includes('--check');
  const rover = readRoverConfig();
  const files: Record<string, string> = {};
  const sdl: Record<string, string> = {};
  for (const [name, entry] of Object.entries(rover.subgraphs)) {
    sdl[name] = await printSubgraphSdl(subgraphByName(name));
    files[entry.schema.file] = sdl[name];
  }
  files['./schema/supergraph.graphql'] = composeSupergraph(rover, sdl);
  let drift = 0;
  for (const [file, text] of Object.entries(files)) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    drift += 1;
    if (check) console.error(`${file} is out of date: run npm run compose`);
    else writeFileSync(file, text);
    if (!check) console.log(`wrote ${file}`);
  }
  if (check && drift) process.exit(1);
  if (!drift) console.log('schema/ is up to date');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
