import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { assertNationalId } from '../../../kit/graphql/national-id';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Citizen } from '../entities/citizen.entity';

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    nullable: true,
    description: 'A citizen by national ID; null when none is registered.',
  })
  citizen(
    @Arg('nationalId', () => String) nationalId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Citizen | null> {
    return ctx.loaders.one(Citizen, 'nationalId').load(assertNationalId(nationalId));
  }
}
