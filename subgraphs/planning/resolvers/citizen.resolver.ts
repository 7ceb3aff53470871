import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Citizen } from '../entities/citizen.entity';
import { Contractor } from '../entities/contractor.entity';

/** What planning adds to the identity subgraph's Citizen: the companies they own (personal data). */
@Resolver(() => Citizen)
export class CitizenResolver {
  @FieldResolver(() => [Contractor], { nullable: true, description: 'Contractors this citizen owns.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  contractors(@Root() citizen: Citizen, @Ctx() ctx: SubgraphContext): Promise<Contractor[]> {
    return ctx.loaders.many(Contractor, 'ownerNationalId').load(citizen.nationalId);
  }
}
