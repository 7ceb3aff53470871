import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { College } from '../entities/college.entity';
import { Department } from '../entities/department.entity';
import { loadedOrFault } from './loaded-or-fault';

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => College)
  async college(@Root() department: Department, @Ctx() ctx: SubgraphContext): Promise<College> {
    return loadedOrFault(
      await ctx.loaders.one(College).load(department.collegeId),
      'college',
      department.collegeId,
    );
  }
}
