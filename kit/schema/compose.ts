import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import type { SubgraphDefinition } from '../subgraph/define-subgraph';
import { buildSubgraphSchemaFrom } from '../subgraph/build-subgraph-schema';

/** `rover.yaml`: the subgraphs of the national graph, their routing URLs and SDL files. */
export interface RoverConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export function readRoverConfig(path = 'rover.yaml'): RoverConfig {
  return parseYaml(readFileSync(path, 'utf8')) as RoverConfig;
}

/** A subgraph's SDL as the router's composition sees it, printed from the code. */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchemaFrom(definition)) + '\n';
}

/** Composes subgraph SDLs into the supergraph; throws with every composition error listed. */
export function composeSupergraph(rover: RoverConfig, sdlByName: Record<string, string>): string {
  const services = Object.entries(rover.subgraphs).map(([name, entry]) => {
    const sdl = sdlByName[name];
    if (sdl === undefined) throw new Error(`rover.yaml lists "${name}" but no SDL was printed for it`);
    return { name, url: entry.routing_url, typeDefs: parse(sdl) };
  });
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl + '\n';
}
