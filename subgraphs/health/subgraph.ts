import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { citizenStub } from './entities/citizen.entity';
import { CommitteeDecision } from './entities/committee-decision.entity';
import { DisabilityRecord } from './entities/disability-record.entity';
import { MedicalCommittee } from './entities/medical-committee.entity';
import { migrations } from './migrations';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { CommitteeDecisionResolver } from './resolvers/committee-decision.resolver';
import { DisabilityRecordResolver } from './resolvers/disability-record.resolver';
import { MedicalCommitteeResolver } from './resolvers/medical-committee.resolver';
import { seedHealth } from './seed';

/** Ministry of Health: disability records, medical committees and their decisions. */
export const health = defineSubgraph({
  name: 'health',
  agency: 'MOH',
  port: 4002,
  // MedicalCommittee first: the kit seeds when the first entity's table is empty.
  entities: [MedicalCommittee, CommitteeDecision, DisabilityRecord],
  resolvers: [DisabilityRecordResolver, CommitteeDecisionResolver, MedicalCommitteeResolver, CitizenResolver],
  subjects: {
    DisabilityRecord: (r: DisabilityRecord) => r.citizenNationalId,
    CommitteeDecision: (d: CommitteeDecision) => d.citizenNationalId,
  },
  references: {
    Citizen: (ref: { nationalId: string }) => citizenStub(ref.nationalId),
    DisabilityRecord: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(DisabilityRecord).load(ref.id),
    MedicalCommittee: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(MedicalCommittee).load(ref.id),
    CommitteeDecision: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(CommitteeDecision).load(ref.id),
  },
  migrations,
  seed: seedHealth,
});
