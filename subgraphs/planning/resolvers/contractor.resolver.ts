import {
  type EntityManager,
  type FilterQuery,
  OptimisticLockError,
  sql,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertGovernorateCode } from '../../../kit/graphql/governorate.type';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { ClassificationAction, ClassificationEvent } from '../entities/classification-event.entity';
import { Contractor, ContractorStatus, specializationList } from '../entities/contractor.entity';
import { ClassifyContractorInput } from '../inputs/classify-contractor.input';
import { ContractorReasonArgs, RenewClassificationArgs } from '../inputs/contractor-action.args';
import { ContractorFilter } from '../inputs/contractor-filter.input';
import { todayIso, validityEnd } from '../rules/classification-dates';
import {
  assertCompanyName,
  assertGrade,
  assertReason,
  assertSpecializations,
  nameSearchKey,
} from '../rules/contractor-input.rules';
import { type ContractorAction, nextStatus } from '../rules/contractor-status.rules';
import { contractorSearchKey, searchKeyOf } from '../rules/search-key';

export const ContractorConnection = Connection(Contractor);
export type ContractorConnection = InstanceType<typeof ContractorConnection>;

/** The agency recorded on every classification event written here. */
const AGENCY = 'MOP';

@Resolver(() => Contractor)
export class ContractorResolver {
  @Query(() => Contractor, {
    nullable: true,
    description: 'A contractor by registry ID (e.g. CTR-0001); null when none is registered.',
  })
  contractor(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Contractor | null> {
    return ctx.loaders.one(Contractor).load(id);
  }

  @Query(() => ContractorConnection, { description: 'The public contractor registry, by registry ID.' })
  async contractors(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ContractorFilter, { nullable: true }) filter: ContractorFilter | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContractorConnection> {
    return ContractorConnection.of(await paginate(ctx.em, Contractor, whereOf(filter), page));
  }

  @FieldResolver(() => [ClassificationEvent], {
    nullable: true,
    description: 'Classification history, oldest first.',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:read"]])')
  history(@Root() contractor: Contractor, @Ctx() ctx: SubgraphContext): Promise<ClassificationEvent[]> {
    return ctx.loaders.many(ClassificationEvent, 'contractorId', 'id').load(contractor.id);
  }

  @Mutation(() => Contractor, {
    description: 'Classifies a company and enters it in the registry: ACTIVE, valid for two years.',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:write"]])')
  async classifyContractor(
    @Arg('input', () => ClassifyContractorInput) input: ClassifyContractorInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contractor> {
    const name = assertCompanyName(input.name, 'input.name', 'Arabic');
    const nameEn = assertCompanyName(input.nameEn, 'input.nameEn', 'English');
    const grade = assertGrade(input.grade, 'input.grade');
    const specializations = assertSpecializations(input.specializations, 'input.specializations');
    const governorateCode = assertGovernorateCode(input.governorate, 'input.governorate');
    const ownerNationalId = assertNationalId(input.ownerNationalId, 'input.ownerNationalId');
    return inTransaction(ctx, async (tx) => {
      // Names are compared as searched: case, hamza forms and diacritics do not make a new company.
      const same = await tx.findOne(Contractor, {
        $or: [
          { searchKey: { $like: `${searchKeyOf(name)}|%` } },
          { searchKey: { $like: `%|${searchKeyOf(nameEn)}` } },
        ],
      });
      if (same) {
        throw urError(
          'BAD_USER_INPUT',
          `A contractor with this name is already registered: ${same.id} «${same.name}» (${same.nameEn}). ` +
            'Give the new company’s own name, or renew the existing classification.',
          { argument: 'input.name', existingId: same.id },
        );
      }
      const number = await nextContractorNumber(tx);
      const today = todayIso();
      const contractor = tx.create(Contractor, {
        id: contractorIdOf(number),
        name,
        nameEn,
        grade,
        status: ContractorStatus.ACTIVE,
        specializationList: specializationList(specializations),
        registrationNumber: `${AGENCY}-${today.slice(0, 4)}-${String(number).padStart(4, '0')}`,
        governorateCode,
        classifiedAt: today,
        validUntil: validityEnd(today),
        ownerNationalId,
        searchKey: contractorSearchKey(name, nameEn),
      });
      await appendEvent(tx, contractor, ClassificationAction.CLASSIFIED, null, today);
      return contractor;
    });
  }

  @Mutation(() => Contractor, {
    description:
      'Renews an ACTIVE or EXPIRED classification for two years from today, optionally at a new grade.',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:write"]])')
  async renewClassification(
    @Args(() => RenewClassificationArgs) { id, grade }: RenewClassificationArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contractor> {
    const newGrade = grade === null || grade === undefined ? undefined : assertGrade(grade);
    return changeStatus(ctx, id, 'RENEW', null, (contractor, today) => {
      const regraded = newGrade !== undefined && newGrade !== contractor.grade;
      if (newGrade !== undefined) contractor.grade = newGrade;
      contractor.classifiedAt = today;
      contractor.validUntil = validityEnd(today);
      return regraded ? ClassificationAction.REGRADED : ClassificationAction.RENEWED;
    });
  }

  @Mutation(() => Contractor, { description: 'Suspends an ACTIVE contractor from bidding.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:write"]])')
  async suspendContractor(
    @Args(() => ContractorReasonArgs) { id, reason }: ContractorReasonArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contractor> {
    return changeStatus(ctx, id, 'SUSPEND', assertReason(reason), () => ClassificationAction.SUSPENDED);
  }

  @Mutation(() => Contractor, { description: 'Lifts the suspension of a SUSPENDED contractor.' })
  @Directive('@requiresScopes(scopes: [["planning.contractor:write"]])')
  async reinstateContractor(
    @Args(() => ContractorReasonArgs) { id, reason }: ContractorReasonArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contractor> {
    return changeStatus(ctx, id, 'REINSTATE', assertReason(reason), () => ClassificationAction.REINSTATED);
  }

  @Mutation(() => Contractor, {
    description:
      'Blacklists a contractor, from any state but BLACKLISTED. Final: nothing leaves the blacklist.',
  })
  @Directive('@requiresScopes(scopes: [["planning.contractor:write"]])')
  async blacklistContractor(
    @Args(() => ContractorReasonArgs) { id, reason }: ContractorReasonArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contractor> {
    return changeStatus(ctx, id, 'BLACKLIST', assertReason(reason), () => ClassificationAction.BLACKLISTED);
  }
}

function whereOf(filter: ContractorFilter | null | undefined): FilterQuery<Contractor> {
  if (!filter) return {};
  const all: FilterQuery<Contractor>[] = [];
  if (filter.status) all.push({ status: filter.status });
  if (filter.grade !== undefined && filter.grade !== null) {
    all.push({ grade: assertGrade(filter.grade, 'filter.grade') });
  }
  if (filter.maxGrade !== undefined && filter.maxGrade !== null) {
    all.push({ grade: { $lte: assertGrade(filter.maxGrade, 'filter.maxGrade') } });
  }
  if (filter.specialization) all.push({ specializationList: { $like: `%,${filter.specialization},%` } });
  if (filter.governorate !== undefined && filter.governorate !== null) {
    all.push({ governorateCode: assertGovernorateCode(filter.governorate, 'filter.governorate') });
  }
  if (filter.nameContains !== undefined && filter.nameContains !== null) {
    all.push({ searchKey: { $like: `%${nameSearchKey(filter.nameContains, 'filter.nameContains')}%` } });
  }
  return all.length ? { $and: all } : {};
}

const ID_PATTERN = /^CTR-(\d+)$/;

function contractorIdOf(number: number): string {
  return `CTR-${String(number).padStart(4, '0')}`;
}

/**
 * The next free registry number, read inside the transaction that will use it. Longest ID first:
 * CTR-10000 comes after CTR-9999 although it sorts before it as text.
 */
async function nextContractorNumber(tx: EntityManager): Promise<number> {
  const [last] = await tx.find(
    Contractor,
    {},
    { orderBy: { [sql`length(id)`]: 'desc', id: 'desc' }, limit: 1 },
  );
  const match = last ? ID_PATTERN.exec(last.id) : null;
  return (match ? Number(match[1]) : 0) + 1;
}

/** Appends the next event of a contractor's history (IDs are sequential per contractor). */
async function appendEvent(
  tx: EntityManager,
  contractor: Contractor,
  action: ClassificationAction,
  reason: string | null,
  at: string,
): Promise<void> {
  const seq = (await tx.count(ClassificationEvent, { contractorId: contractor.id })) + 1;
  tx.create(ClassificationEvent, {
    id: `${contractor.id}-E${String(seq).padStart(3, '0')}`,
    contractorId: contractor.id,
    action,
    grade: contractor.grade,
    reason,
    at,
    byAgency: AGENCY,
  });
}

/** One state-machine step in one transaction: load, check the transition, apply, record. */
function changeStatus(
  ctx: SubgraphContext,
  id: string,
  action: ContractorAction,
  reason: string | null,
  apply: (contractor: Contractor, today: string) => ClassificationAction,
): Promise<Contractor> {
  return inTransaction(ctx, async (tx) => {
    const contractor = await tx.findOne(Contractor, { id });
    if (!contractor) {
      throw urError('NOT_FOUND', `No contractor "${id}" in the registry; IDs look like CTR-0001.`, {
        argument: 'id',
      });
    }
    const status = nextStatus(contractor.id, contractor.status, action);
    const today = todayIso();
    const recorded = apply(contractor, today);
    contractor.status = status;
    await appendEvent(tx, contractor, recorded, reason, today);
    return contractor;
  });
}

/** Concurrent writers of one record: each retry sees at least one more winner. */
const MAX_ATTEMPTS = 5;

/**
 * Runs a mutation in a transaction; nothing is written unless all of it is. When a concurrent
 * request won the race (it took the same new ID, or changed the same contractor first), the work
 * is retried from the start and sees the winner's rows: the state machine then judges again.
 */
async function inTransaction<T>(ctx: SubgraphContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.transactional(work);
    } catch (error) {
      const lostRace =
        error instanceof UniqueConstraintViolationException || error instanceof OptimisticLockError;
      if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
