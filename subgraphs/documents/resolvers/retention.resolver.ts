import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { today } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { RetentionRule } from '../entities/retention-rule.entity';
import { mayRead } from '../rules/classification.rules';
import { assertDate, cutoffFor, dueDate } from '../rules/retention.rules';
import { DispositionItem } from '../types/disposition-item.type';

export const DispositionItemConnection = Connection(DispositionItem);
type DispositionItemConnection = InstanceType<typeof DispositionItemConnection>;

/** The day after a date, as the ISO instant a `createdAt < …` filter needs. */
function startOfNextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

@Resolver(() => RetentionRule)
export class RetentionResolver {
  @Query(() => [RetentionRule], { description: 'The retention schedule: one rule per document type.' })
  retentionRules(@Ctx() ctx: SubgraphContext): Promise<RetentionRule[]> {
    return ctx.em.find(RetentionRule, {}, { orderBy: { documentType: 'asc' } });
  }

  @Directive('@requiresScopes(scopes: [["documents.retention:read"]])')
  @Query(() => DispositionItemConnection, {
    nullable: true,
    description:
      'Documents whose retention period has ended by `asOf` (default today), with what must happen to them: destruction or transfer to the archive. By document ID.',
  })
  async dispositionReport(
    @Arg('asOf', () => String, { nullable: true, description: 'YYYY-MM-DD; default today.' })
    asOf: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispositionItemConnection> {
    const day = asOf ? assertDate(asOf, 'asOf') : today();
    const rules = await this.retentionRules(ctx);
    const ruleOf = new Map(rules.map((r) => [r.documentType, r]));
    const due = rules.map((r) => ({
      type: r.documentType,
      createdAt: { $lt: startOfNextDay(cutoffFor(day, r.retainYears)) },
    }));
    const where: ObjectQuery<Document> = due.length ? { $or: due } : { id: { $in: [] } };
    const documents = await paginate(ctx.em, Document, where, page);
    return DispositionItemConnection.of({
      ...documents,
      edges: documents.edges.map(({ node, cursor }) => {
        const rule = ruleOf.get(node.type) as RetentionRule;
        const item = Object.assign(new DispositionItem(), {
          documentId: node.id,
          type: node.type,
          classification: node.classification,
          issuingAgency: node.issuingAgency,
          registeredNumber: node.registeredNumber ?? null,
          title: mayRead(ctx.caller.scopes, node.classification) ? node.title : null,
          createdAt: node.createdAt,
          dueAt: dueDate(node.createdAt.slice(0, 10), rule.retainYears),
          retainYears: rule.retainYears,
          disposition: rule.disposition,
        });
        return { node: item, cursor };
      }),
    });
  }
}
