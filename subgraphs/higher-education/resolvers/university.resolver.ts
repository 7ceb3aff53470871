import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertGovernorateCode } from '../../../kit/graphql/governorate.type';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { College } from '../entities/college.entity';
import { University } from '../entities/university.entity';
import { UniversityFilter } from '../inputs/university-filter.input';

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => [University], {
    description: 'Universities recognised by the ministry, public ones first (open data).',
  })
  universities(
    @Arg('filter', () => UniversityFilter, { nullable: true }) filter: UniversityFilter | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<University[]> {
    const where: ObjectQuery<University> = {};
    if (filter?.type) where.type = filter.type;
    if (filter?.governorate)
      where.governorateCode = assertGovernorateCode(filter.governorate, 'filter.governorate');
    return ctx.em.find(University, where, { orderBy: { type: 'desc', id: 'asc' } });
  }

  @Query(() => University, { nullable: true, description: 'A university by its code, e.g. UNI-01.' })
  university(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<University | null> {
    return ctx.loaders.one(University).load(id);
  }

  @FieldResolver(() => [College], { description: 'Its colleges.' })
  colleges(@Root() university: University, @Ctx() ctx: SubgraphContext): Promise<College[]> {
    return ctx.loaders.many(College, 'universityId').load(university.id);
  }
}
