import { randomUUID } from 'node:crypto';
import { type ObjectQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';
import { MedicalCommittee } from '../entities/medical-committee.entity';
import { CommitteeDecisionFilter } from '../inputs/committee-decision-filter.input';
import { RecordCommitteeDecisionInput } from '../inputs/record-committee-decision.input';
import {
  assertCommitteeCanSit,
  assertDecisionFits,
  assertDecisionInput,
  recordStateAfter,
  todayInIraq,
} from '../rules/committee-decision.rules';

export const CommitteeDecisionConnection = Connection(CommitteeDecision);
type CommitteeDecisionConnection = InstanceType<typeof CommitteeDecisionConnection>;

function decisionsWhere(filter: CommitteeDecisionFilter | null | undefined): ObjectQuery<CommitteeDecision> {
  const where: ObjectQuery<CommitteeDecision> = {};
  if (filter?.citizenNationalId) {
    where.citizenNationalId = assertNationalId(filter.citizenNationalId, 'filter.citizenNationalId');
  }
  if (filter?.committeeId) where.committeeId = filter.committeeId;
  return where;
}

@Resolver(() => CommitteeDecision)
export class CommitteeDecisionResolver {
  @Directive('@requiresScopes(scopes: [["health.committee:read"]])')
  @Directive('@policy(policies: [["personal-data"]])')
  @Query(() => CommitteeDecisionConnection, {
    nullable: true,
    description: 'Medical-committee decisions, oldest ID first.',
  })
  async committeeDecisions(
    @Arg('filter', () => CommitteeDecisionFilter, { nullable: true }) filter: CommitteeDecisionFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitteeDecisionConnection> {
    return CommitteeDecisionConnection.of(
      await paginate(ctx.em, CommitteeDecision, decisionsWhere(filter), page),
    );
  }

  @FieldResolver(() => MedicalCommittee, { description: 'The committee that decided.' })
  async committee(
    @Root() decision: CommitteeDecision,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MedicalCommittee> {
    const committee = await ctx.loaders.one(MedicalCommittee).load(decision.committeeId);
    // The foreign key guarantees it; a missing row is a fault, not the caller's mistake.
    if (!committee) {
      throw new Error(`decision ${decision.id} names missing committee ${decision.committeeId}`);
    }
    return committee;
  }

  @Directive('@requiresScopes(scopes: [["health.committee:write"]])')
  @Mutation(() => CommitteeDecision, {
    description:
      'Records a committee’s decision and, in the same transaction, creates or updates the citizen’s disability record.',
  })
  async recordCommitteeDecision(
    @Arg('input', () => RecordCommitteeDecisionInput) input: RecordCommitteeDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitteeDecision> {
    assertDecisionInput(input, todayInIraq());
    try {
      return await ctx.em.transactional(async (em) => {
        const committee = assertCommitteeCanSit(
          await em.findOne(MedicalCommittee, { id: input.committeeId }),
          input.committeeId,
        );
        const record = await em.findOne(DisabilityRecord, { citizenNationalId: input.citizenNationalId });
        const latest = record?.lastDecisionId
          ? await em.findOne(CommitteeDecision, { id: record.lastDecisionId })
          : null;
        assertDecisionFits(input, record, latest);

        const now = new Date().toISOString();
        const decision = em.create(CommitteeDecision, {
          id: `CD-${randomUUID()}`,
          citizenNationalId: input.citizenNationalId,
          committeeId: committee.id,
          sessionDate: input.sessionDate,
          kind: input.kind,
          disabilityType: input.disabilityType,
          percentage: input.percentage,
          permanent: input.permanent,
          reviewDate: input.permanent ? null : (input.reviewDate ?? null),
          deliberations: input.deliberations.trim(),
          createdAt: now,
        });
        const state = {
          ...recordStateAfter(input),
          disabilityType: input.disabilityType,
          percentage: input.percentage,
          governorateCode: committee.governorateCode,
          lastDecisionId: decision.id,
          updatedAt: now,
        };
        const medicalNotes = input.medicalNotes ?? record?.medicalNotes ?? null;
        if (record) em.assign(record, { ...state, medicalNotes });
        else {
          em.create(DisabilityRecord, {
            id: `DR-${randomUUID()}`,
            citizenNationalId: input.citizenNationalId,
            ...state,
            medicalNotes,
          });
        }
        return decision;
      });
    } catch (error) {
      // Two INITIAL decisions for one citizen at once: the unique record per citizen stops the second.
      if (error instanceof UniqueConstraintViolationException) {
        throw urError(
          'INVALID_STATE_TRANSITION',
          `Citizen ${input.citizenNationalId} got a disability record from another decision meanwhile; an INITIAL decision is only for a citizen without one.`,
          { kind: input.kind },
        );
      }
      throw error;
    }
  }
}
