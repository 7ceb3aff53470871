import type { SubgraphDefinition } from '../kit/subgraph/define-subgraph';
import { documents } from './documents/subgraph';
import { health } from './health/subgraph';
import { higherEducation } from './higher-education/subgraph';
import { identity } from './identity/subgraph';
import { municipalities } from './municipalities/subgraph';
import { planning } from './planning/subgraph';
import { platform } from './platform/subgraph';

/** The national graph's ministry subgraphs, each its own server, in the order of the map (ports 4001–4010). */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  identity,
  health,
  planning,
  municipalities,
  higherEducation,
  documents,
];

/** The platform's trust services, served by the router itself. */
export const ROUTER_SUBGRAPH: SubgraphDefinition = platform;

export function subgraphByName(name: string): SubgraphDefinition {
  const found = [...SUBGRAPHS, ROUTER_SUBGRAPH].find((s) => s.name === name);
  if (!found) throw new Error(`No subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return found;
}
