import { readFileSync } from 'node:fs';
import { composeSupergraph, printSubgraphSdl, readRoverConfig } from '../kit/schema/compose';
import { ROUTER_SUBGRAPH, SUBGRAPHS, subgraphByName } from '../subgraphs';

/** Committed artefacts must be what the code generates: run `npm run compose` when these fail. */
describe('generated artefacts', () => {
  const rover = readRoverConfig();

  it('rover.yaml lists every subgraph of the national graph', () => {
    expect(Object.keys(rover.subgraphs)).toEqual([...SUBGRAPHS, ROUTER_SUBGRAPH].map((s) => s.name));
  });

  it('each schema/<subgraph>.graphql and schema/supergraph.graphql match the code', async () => {
    const sdl: Record<string, string> = {};
    for (const [name, entry] of Object.entries(rover.subgraphs)) {
      sdl[name] = await printSubgraphSdl(subgraphByName(name));
      expect({ file: entry.schema.file, sdl: readFileSync(entry.schema.file, 'utf8') }).toEqual({
        file: entry.schema.file,
        sdl: sdl[name],
      });
    }
    expect(readFileSync('schema/supergraph.graphql', 'utf8')).toEqual(composeSupergraph(rover, sdl));
  });
});
