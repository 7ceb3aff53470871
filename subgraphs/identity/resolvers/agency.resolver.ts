import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Agency } from '../entities/agency.entity';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: 'Every agency taking part in the national graph.' })
  agencies(@Ctx() ctx: SubgraphContext): Promise<Agency[]> {
    return ctx.em.find(Agency, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Agency, { nullable: true, description: 'An agency by its code.' })
  agency(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return ctx.loaders.one(Agency, 'code').load(code);
  }
}
