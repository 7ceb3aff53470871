import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertGovernorateCode } from '../../../kit/graphql/governorate.type';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';
import { DisabilityRecordFilter } from '../inputs/disability-record-filter.input';

export const DisabilityRecordConnection = Connection(DisabilityRecord);
type DisabilityRecordConnection = InstanceType<typeof DisabilityRecordConnection>;

function recordsWhere(filter: DisabilityRecordFilter | null | undefined): ObjectQuery<DisabilityRecord> {
  const where: ObjectQuery<DisabilityRecord> = {};
  if (!filter) return where;
  if (filter.status) where.status = filter.status;
  if (filter.disabilityType) where.disabilityType = filter.disabilityType;
  if (filter.minPercentage !== undefined && filter.minPercentage !== null) {
    if (filter.minPercentage < 0 || filter.minPercentage > 100) {
      throw urError('BAD_USER_INPUT', `minPercentage must be from 0 to 100; got ${filter.minPercentage}.`, {
        argument: 'filter.minPercentage',
      });
    }
    where.percentage = { $gte: filter.minPercentage };
  }
  if (filter.governorate)
    where.governorateCode = assertGovernorateCode(filter.governorate, 'filter.governorate');
  return where;
}

@Resolver(() => DisabilityRecord)
export class DisabilityRecordResolver {
  @Directive('@requiresScopes(scopes: [["health.disability:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  @Query(() => DisabilityRecordConnection, {
    nullable: true,
    description: 'Disability records, oldest ID first.',
  })
  async disabilityRecords(
    // `filter` before the page arguments here prints it after them in the SDL (first, after, filter).
    @Arg('filter', () => DisabilityRecordFilter, { nullable: true }) filter: DisabilityRecordFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityRecordConnection> {
    return DisabilityRecordConnection.of(
      await paginate(ctx.em, DisabilityRecord, recordsWhere(filter), page),
    );
  }

  @Query(() => DisabilityRecord, {
    nullable: true,
    description: 'A disability record by ID; null when none.',
  })
  disabilityRecord(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityRecord | null> {
    return ctx.loaders.one(DisabilityRecord).load(id);
  }

  @Directive('@requiresScopes(scopes: [["health.committee:read"]])')
  @FieldResolver(() => CommitteeDecision, {
    nullable: true,
    description: 'The committee decision that set the record as it is now.',
  })
  lastDecision(
    @Root() record: DisabilityRecord,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitteeDecision | null> {
    if (!record.lastDecisionId) return Promise.resolve(null);
    return ctx.loaders.one(CommitteeDecision).load(record.lastDecisionId);
  }
}
