import { Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { MedicalCommittee } from '../entities/medical-committee.entity';

@Resolver(() => MedicalCommittee)
export class MedicalCommitteeResolver {
  @Query(() => [MedicalCommittee], {
    nullable: true,
    description: 'Every medical committee, active or not, by ID.',
  })
  medicalCommittees(@Ctx() ctx: SubgraphContext): Promise<MedicalCommittee[]> {
    return ctx.em.find(MedicalCommittee, {}, { orderBy: { id: 'asc' } });
  }
}
