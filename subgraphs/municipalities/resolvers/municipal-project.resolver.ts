import { randomUUID } from 'node:crypto';
import { type EntityManager, type FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { PostgreSqlPlatform, type SqlEntityManager } from '@mikro-orm/postgresql';
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertGovernorateCode } from '../../../kit/graphql/governorate.type';
import { paginate } from '../../../kit/graphql/paginate';
import { urError } from '../../../kit/errors/ur-error';
import type { Caller } from '../../../kit/auth/caller';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { today } from '../../../kit/clock';
import { Contractor, contractorRef } from '../entities/contractor.entity';
import { Inspection } from '../entities/inspection.entity';
import { MunicipalProject } from '../entities/municipal-project.entity';
import { ProgressReport } from '../entities/progress-report.entity';
import { MunicipalProjectFilter } from '../inputs/municipal-project-filter.input';
import { ReportProgressInput } from '../inputs/report-progress.input';
import { SuspendProjectArgs } from '../inputs/suspend-project.args';
import { delayDays, delayedCondition } from '../rules/delay.rules';
import { applyProgressReport, resume, suspend } from '../rules/project-status.rules';

export const MunicipalProjectConnection = Connection(MunicipalProject);

/** The project `id` names, or NOT_FOUND naming the argument it came from. */
export async function findProject(
  em: EntityManager,
  id: string,
  argument: string,
): Promise<MunicipalProject> {
  const project = await em.findOne(MunicipalProject, { id });
  if (!project) {
    throw urError('NOT_FOUND', `No municipal project has id "${id}"; pass a project id such as MP-0001.`, {
      argument,
    });
  }
  return project;
}

function whereOf(filter: MunicipalProjectFilter | null | undefined, em: EntityManager) {
  const where: FilterQuery<MunicipalProject>[] = [];
  if (filter?.governorate != null) {
    where.push({ governorateCode: assertGovernorateCode(filter.governorate, 'filter.governorate') });
  }
  if (filter?.status != null) where.push({ status: filter.status });
  if (filter?.contractorId != null) where.push({ contractorId: filter.contractorId });
  if (filter?.delayedOnly) {
    const dialect = em.getPlatform() instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite';
    const delayed = (em as SqlEntityManager)
      .createQueryBuilder(MunicipalProject, 'd')
      .select('d.id')
      .where(delayedCondition(dialect, 'd'), [today(), today()]);
    // A subquery rather than raw keys: MikroORM spends a raw fragment on its first use, and
    // `paginate` uses `where` twice (the page, then its count).
    where.push({ id: { $in: delayed.getKnexQuery() as never } });
  }
  return where.length ? { $and: where } : {};
}

/** Reports filed on one project at the same moment are retried up to this many times. */
const REPORT_ATTEMPTS = 5;

/** One progress report, inside the caller's transaction. */
async function fileReport(
  em: EntityManager,
  input: ReportProgressInput,
  caller: Caller,
): Promise<MunicipalProject> {
  const project = await findProject(em, input.projectId, 'input.projectId');
  const last = await em.findOne(ProgressReport, { projectId: project.id }, { orderBy: { sequence: 'desc' } });
  const outcome = applyProgressReport(
    {
      id: project.id,
      status: project.status,
      progress: project.progress,
      lastReportedAt: last?.reportedAt ?? null,
    },
    input,
    today(),
  );
  em.create(ProgressReport, {
    id: `PR-${randomUUID()}`,
    projectId: project.id,
    sequence: (last?.sequence ?? 0) + 1,
    reportedAt: input.reportedAt,
    progress: outcome.progress,
    previousProgress: outcome.previousProgress,
    note: input.note?.trim() || null,
    reason: outcome.reason,
    reportedBy: caller.clientId ?? caller.agency ?? 'unknown',
  });
  project.progress = outcome.progress;
  project.status = outcome.status;
  project.completedAt = outcome.completedAt;
  return project;
}

@Resolver(() => MunicipalProject)
export class MunicipalProjectResolver {
  @Directive('@requiresScopes(scopes: [["municipalities.project:read"]])')
  @Query(() => MunicipalProjectConnection, {
    nullable: true,
    description: 'Municipal projects, in id order, a page at a time.',
  })
  async municipalProjects(
    @Arg('filter', () => MunicipalProjectFilter, { nullable: true }) filter: MunicipalProjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InstanceType<typeof MunicipalProjectConnection>> {
    const where = whereOf(filter, ctx.em);
    return MunicipalProjectConnection.of(await paginate(ctx.em, MunicipalProject, where, page));
  }

  @Query(() => MunicipalProject, {
    nullable: true,
    description: 'A municipal project by id; null when none has it.',
  })
  municipalProject(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MunicipalProject | null> {
    return ctx.loaders.one(MunicipalProject).load(id);
  }

  @FieldResolver(() => Int, { description: 'Days behind plan as of today (0 when on schedule).' })
  delayDays(@Root() project: MunicipalProject): number {
    return delayDays(project, today());
  }

  // Nullable: the contractor lives in planning; if planning is down the project still answers.
  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The contractor carrying out the work (planning subgraph).',
  })
  contractor(@Root() project: MunicipalProject): Contractor {
    return contractorRef(project.contractorId);
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports, oldest first.' })
  progressReports(@Root() project: MunicipalProject, @Ctx() ctx: SubgraphContext): Promise<ProgressReport[]> {
    return ctx.loaders.many(ProgressReport, 'projectId', 'sequence').load(project.id);
  }

  @FieldResolver(() => [Inspection], { description: 'Site inspections, oldest first.' })
  inspections(@Root() project: MunicipalProject, @Ctx() ctx: SubgraphContext): Promise<Inspection[]> {
    return ctx.loaders.many(Inspection, 'projectId', 'date').load(project.id);
  }

  @Directive('@requiresScopes(scopes: [["municipalities.project:write"]])')
  @Mutation(() => MunicipalProject, {
    description:
      'Files a progress report. The first report starts a PLANNED project; 100% completes it. Progress goes back only with a reason.',
  })
  async reportProgress(
    @Arg('input', () => ReportProgressInput) input: ReportProgressInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MunicipalProject> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ctx.em.transactional((em) => fileReport(em, input, ctx.caller));
      } catch (error) {
        // Two reports on one project at once took the same sequence number and one lost; its
        // transaction rolled back, and filing it again checks it against the report that won.
        const lostRace = error instanceof UniqueConstraintViolationException;
        if (!lostRace || attempt === REPORT_ATTEMPTS) throw error;
      }
    }
  }

  @Directive('@requiresScopes(scopes: [["municipalities.project:write"]])')
  @Mutation(() => MunicipalProject, { description: 'Stops work on an IN_PROGRESS project, with the reason.' })
  suspendProject(
    @Args(() => SuspendProjectArgs) { id, reason }: SuspendProjectArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MunicipalProject> {
    return ctx.em.transactional(async (em) => {
      const project = await findProject(em, id, 'id');
      project.status = suspend(project.id, project.status, reason);
      project.suspensionReason = reason.trim();
      return project;
    });
  }

  @Directive('@requiresScopes(scopes: [["municipalities.project:write"]])')
  @Mutation(() => MunicipalProject, { description: 'Resumes a SUSPENDED project to IN_PROGRESS.' })
  resumeProject(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<MunicipalProject> {
    return ctx.em.transactional(async (em) => {
      const project = await findProject(em, id, 'id');
      project.status = resume(project.id, project.status);
      project.suspensionReason = null;
      return project;
    });
  }
}
