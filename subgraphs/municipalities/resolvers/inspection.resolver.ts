import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { today } from '../../../kit/clock';
import { Inspection } from '../entities/inspection.entity';
import { RecordInspectionInput } from '../inputs/record-inspection.input';
import { checkInspection } from '../rules/inspection.rules';
import { findProject } from './municipal-project.resolver';

@Resolver(() => Inspection)
export class InspectionResolver {
  @Directive('@requiresScopes(scopes: [["municipalities.project:write"]])')
  @Mutation(() => Inspection, { description: 'Records a site inspection; a FAILED one needs notes.' })
  recordInspection(
    @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Inspection> {
    return ctx.em.transactional(async (em) => {
      const project = await findProject(em, input.projectId, 'input.projectId');
      const checked = checkInspection(input, today());
      return em.create(Inspection, {
        id: `IN-${randomUUID()}`,
        projectId: project.id,
        date: checked.date,
        inspector: checked.inspector,
        result: checked.result,
        notes: checked.notes ?? null,
      });
    });
  }
}
