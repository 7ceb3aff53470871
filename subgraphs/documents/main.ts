import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { documents } from './subgraph';

void runSubgraphMain(documents);
