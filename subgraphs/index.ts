import type { SubgraphDefinition } from '../kit/subgraph/define-subgraph';
import { identity } from './identity/subgraph';

/** The national graph's subgraphs, in the order of the map (ports 4001–4010). */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [identity];

export function subgraphByName(name: string): SubgraphDefinition {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`No subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return found;
}
