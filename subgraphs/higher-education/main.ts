import { runSubgraphMain } from '../../kit/subgraph/run-subgraph-main';
import { higherEducation } from './subgraph';

void runSubgraphMain(higherEducation);
