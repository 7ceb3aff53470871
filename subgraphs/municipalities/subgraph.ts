import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { Inspection } from './entities/inspection.entity';
import { MunicipalProject } from './entities/municipal-project.entity';
import { ProgressReport } from './entities/progress-report.entity';
import { migrations } from './migrations';
import { ContractorResolver } from './resolvers/contractor.resolver';
import { InspectionResolver } from './resolvers/inspection.resolver';
import { MunicipalProjectResolver } from './resolvers/municipal-project.resolver';
import { seedMunicipalities } from './seed';

/** Ministry of Construction, Housing, Municipalities and Public Works: municipal works follow-up. */
export const municipalities = defineSubgraph({
  name: 'municipalities',
  agency: 'MOCHM',
  port: 4004,
  entities: [MunicipalProject, ProgressReport, Inspection],
  resolvers: [MunicipalProjectResolver, InspectionResolver, ContractorResolver],
  references: {
    MunicipalProject: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(MunicipalProject).load(ref.id),
  },
  migrations,
  seed: seedMunicipalities,
});
