import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { Citizen } from './entities/citizen.entity';
import { ClassificationEvent } from './entities/classification-event.entity';
import { Contractor } from './entities/contractor.entity';
import { migrations } from './migrations';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { ContractorResolver } from './resolvers/contractor.resolver';
import { seedPlanning } from './seed';

/** Ministry of Planning: the contractor registry and contractor classification (تصنيف المقاولين). */
export const planning = defineSubgraph({
  name: 'planning',
  agency: 'MOP',
  port: 4003,
  entities: [Contractor, ClassificationEvent],
  resolvers: [ContractorResolver, CitizenResolver],
  references: {
    Contractor: (ref: { id: string }, ctx: SubgraphContext) => ctx.loaders.one(Contractor).load(ref.id),
  },
  migrations,
  // The personal data here is who owns which contractor: reported whenever a Citizen is answered.
  subjects: { Citizen: (citizen: Citizen) => citizen.nationalId },
  seed: seedPlanning,
});
