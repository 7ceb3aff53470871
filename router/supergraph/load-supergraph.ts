import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, print } from 'graphql';
import { Policy } from '../../kit/policy/read-policy';
import { stripSecurityFeatures } from './strip-security-features';

export interface LoadedSupergraph {
  /** The access policy declared by the subgraphs, as composed. */
  readonly policy: Policy;
  /** What @apollo/gateway executes. */
  readonly executableSdl: string;
  /** Subgraph name → routing URL from the supergraph's join__Graph enum. */
  readonly routingUrls: Record<string, string>;
}

export function loadSupergraph(path: string): LoadedSupergraph {
  return parseSupergraph(readFileSync(path, 'utf8'));
}

export function parseSupergraph(sdl: string): LoadedSupergraph {
  const document = parse(sdl);
  const policy = new Policy(buildASTSchema(document, { assumeValidSDL: true }));
  const routingUrls: Record<string, string> = {};
  for (const match of sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)) {
    routingUrls[match[1] as string] = match[2] as string;
  }
  return { policy, executableSdl: print(stripSecurityFeatures(document)), routingUrls };
}
