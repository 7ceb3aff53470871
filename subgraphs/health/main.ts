import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { health } from './subgraph';

void runSubgraphMain(health);
