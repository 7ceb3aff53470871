import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { AdmissionRule } from '../entities/admission-rule.entity';
import { PostgraduateProgram } from '../entities/postgraduate-program.entity';
import { loadedOrFault } from './loaded-or-fault';

@Resolver(() => AdmissionRule)
export class AdmissionRuleResolver {
  @FieldResolver(() => PostgraduateProgram, { description: 'The program it admits to.' })
  async program(@Root() rule: AdmissionRule, @Ctx() ctx: SubgraphContext): Promise<PostgraduateProgram> {
    return loadedOrFault(
      await ctx.loaders.one(PostgraduateProgram).load(rule.programId),
      'program',
      rule.programId,
    );
  }
}
