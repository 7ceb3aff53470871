import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { identity } from './subgraph';

void runSubgraphMain(identity);
