import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { Agency } from './entities/agency.entity';
import { Citizen } from './entities/citizen.entity';
import { migrations } from './migrations';
import { AgencyResolver } from './resolvers/agency.resolver';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { seedIdentity } from './seed';

/** National Data Center: civil-registry mirror and agency registry. */
export const identity = defineSubgraph({
  name: 'identity',
  agency: 'NDC',
  port: 4001,
  entities: [Citizen, Agency],
  resolvers: [CitizenResolver, AgencyResolver],
  subjects: { Citizen: (c: Citizen) => c.nationalId },
  references: {
    Citizen: (ref: { nationalId: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(Citizen, 'nationalId').load(ref.nationalId),
    Agency: (ref: { code: string }, ctx: SubgraphContext) => ctx.loaders.one(Agency, 'code').load(ref.code),
  },
  migrations,
  seed: seedIdentity,
});
