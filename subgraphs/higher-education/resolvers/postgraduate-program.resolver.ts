import type { ObjectQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Connection, PageArgs } from '../../../kit/graphql/connection';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { paginate } from '../../../kit/graphql/paginate';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { currentYear } from '../../../kit/clock';
import { AcademicDocument } from '../entities/academic-document.entity';
import { AdmissionRule } from '../entities/admission-rule.entity';
import { citizenStub } from '../entities/citizen.entity';
import { PostgraduateProgram } from '../entities/postgraduate-program.entity';
import { University } from '../entities/university.entity';
import { PostgraduateProgramFilter } from '../inputs/postgraduate-program-filter.input';
import { reasonOf } from '../outputs/academic-reason.output';
import { BackgroundConsistency } from '../outputs/background-consistency.output';
import { evaluateBackgroundConsistency } from '../rules/background-consistency.rules';
import { bilingual } from '../rules/reason';
import { loadedOrFault } from './loaded-or-fault';

export const PostgraduateProgramConnection = Connection(PostgraduateProgram);
type PostgraduateProgramConnection = InstanceType<typeof PostgraduateProgramConnection>;

@Resolver(() => PostgraduateProgram)
export class PostgraduateProgramResolver {
  @Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
  @Query(() => PostgraduateProgramConnection, {
    nullable: true,
    description: 'Postgraduate programs, in ID order.',
  })
  async postgraduatePrograms(
    @Arg('filter', () => PostgraduateProgramFilter, { nullable: true })
    filter: PostgraduateProgramFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PostgraduateProgramConnection> {
    const where: ObjectQuery<PostgraduateProgram> = {};
    if (filter?.universityCode) where.universityId = filter.universityCode;
    if (filter?.degree) where.degree = filter.degree;
    return PostgraduateProgramConnection.of(await paginate(ctx.em, PostgraduateProgram, where, page));
  }

  @Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
  @Query(() => PostgraduateProgram, {
    nullable: true,
    description: 'A postgraduate program by ID; null when none.',
  })
  postgraduateProgram(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PostgraduateProgram | null> {
    return ctx.loaders.one(PostgraduateProgram).load(id);
  }

  @Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
  @Query(() => BackgroundConsistency, {
    nullable: true,
    description:
      'Background consistency (انسجام الخلفية): does the applicant’s prior academic record meet one of the program’s admission rules? Says which document and rule, or why not.',
  })
  async backgroundConsistency(
    @Arg('nationalId', () => String) nationalId: string,
    @Arg('programId', () => ID) programId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BackgroundConsistency> {
    const applicant = assertNationalId(nationalId);
    const program = await ctx.loaders.one(PostgraduateProgram).load(programId);
    if (!program) {
      throw urError('NOT_FOUND', `No postgraduate program "${programId}"; IDs look like PGP-001.`, {
        argument: 'programId',
      });
    }
    const [rules, documents] = await Promise.all([
      ctx.loaders.many(AdmissionRule, 'programId').load(program.id),
      ctx.loaders.many(AcademicDocument, 'holderNationalId').load(applicant),
    ]);
    const year = currentYear();
    const verdict = evaluateBackgroundConsistency(program, rules, documents, year);
    return Object.assign(new BackgroundConsistency(), {
      applicant: citizenStub(applicant),
      program,
      consistent: verdict.consistent,
      matchedDocument: verdict.matchedDocument,
      matchedRule: verdict.matchedRule,
      closestDocument: verdict.closestDocument,
      reasons: verdict.reasons.map(bilingual),
      reasonDetails: verdict.reasons.map(reasonOf),
      evaluatedInYear: year,
    });
  }

  @FieldResolver(() => University, { description: 'The university offering it.' })
  async university(@Root() program: PostgraduateProgram, @Ctx() ctx: SubgraphContext): Promise<University> {
    return loadedOrFault(
      await ctx.loaders.one(University).load(program.universityId),
      'university',
      program.universityId,
    );
  }

  @FieldResolver(() => [AdmissionRule], { description: 'Its admission rules: meeting any one is enough.' })
  rules(@Root() program: PostgraduateProgram, @Ctx() ctx: SubgraphContext): Promise<AdmissionRule[]> {
    return ctx.loaders.many(AdmissionRule, 'programId').load(program.id);
  }
}
