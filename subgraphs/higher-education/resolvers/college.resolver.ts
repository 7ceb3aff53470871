import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { College } from '../entities/college.entity';
import { Department } from '../entities/department.entity';
import { University } from '../entities/university.entity';
import { loadedOrFault } from './loaded-or-fault';

@Resolver(() => College)
export class CollegeResolver {
  @FieldResolver(() => University)
  async university(@Root() college: College, @Ctx() ctx: SubgraphContext): Promise<University> {
    return loadedOrFault(
      await ctx.loaders.one(University).load(college.universityId),
      'university',
      college.universityId,
    );
  }

  @FieldResolver(() => [Department], { description: 'Its departments.' })
  departments(@Root() college: College, @Ctx() ctx: SubgraphContext): Promise<Department[]> {
    return ctx.loaders.many(Department, 'collegeId').load(college.id);
  }
}
