import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Citizen } from '../entities/citizen.entity';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';

/** What health adds to the identity subgraph's Citizen. */
@Resolver(() => Citizen)
export class CitizenResolver {
  @Directive('@requiresScopes(scopes: [["health.disability:read"]])')
  @FieldResolver(() => [DisabilityRecord], {
    nullable: true,
    description: 'The citizen’s disability records (at most one).',
  })
  disabilityRecords(@Root() citizen: Citizen, @Ctx() ctx: SubgraphContext): Promise<DisabilityRecord[]> {
    return ctx.loaders.many(DisabilityRecord, 'citizenNationalId').load(citizen.nationalId);
  }

  @Directive('@requiresScopes(scopes: [["health.committee:read"]])')
  @FieldResolver(() => [CommitteeDecision], {
    nullable: true,
    description: 'Medical-committee decisions about the citizen, oldest first.',
  })
  committeeDecisions(@Root() citizen: Citizen, @Ctx() ctx: SubgraphContext): Promise<CommitteeDecision[]> {
    return ctx.loaders.many(CommitteeDecision, 'citizenNationalId', 'createdAt').load(citizen.nationalId);
  }
}
