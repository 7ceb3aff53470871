import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { municipalities } from './subgraph';

void runSubgraphMain(municipalities);
