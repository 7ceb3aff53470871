import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Contractor } from '../entities/contractor.entity';
import { MunicipalProject } from '../entities/municipal-project.entity';

/** Adds the ministry's projects to the planning subgraph's Contractor. */
@Resolver(() => Contractor)
export class ContractorResolver {
  @Directive('@requiresScopes(scopes: [["municipalities.project:read"]])')
  @FieldResolver(() => [MunicipalProject], {
    nullable: true,
    description: 'Municipal projects this contractor carries out, by id.',
  })
  municipalProjects(
    @Root() contractor: Contractor,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MunicipalProject[]> {
    return ctx.loaders.many(MunicipalProject, 'contractorId').load(contractor.id);
  }
}
