import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { planning } from './subgraph';

void runSubgraphMain(planning);
