import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { agencyByCode } from '../../../kit/demo/reference-data';
import { urError } from '../../../kit/errors/ur-error';
import { PageArgs, PageInfo } from '../../../kit/graphql/connection';
import { assertNationalId } from '../../../kit/graphql/national-id';
import { decodeCursor, encodeCursor, pageSize } from '../../../kit/graphql/paginate';
import { AuditEntry } from '../entities/audit-entry.entity';
import { AuditSubject } from '../entities/audit-subject.entity';
import { DataAccess } from '../entities/data-access.type';
import { AuditFilter } from '../inputs/audit-filter.input';
import type { PlatformContext } from '../platform-context';

@ObjectType()
class AuditEntryEdge {
  @Field(() => AuditEntry) node!: AuditEntry;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'A page of audit entries, newest first.' })
class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
class DataAccessEdge {
  @Field(() => DataAccess) node!: DataAccess;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'A page of accesses to your data, newest first.' })
class DataAccessConnection {
  @Field(() => [DataAccessEdge]) edges!: DataAccessEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** Newest-first keyset pages over the chain's `seq`. */
async function page(ctx: PlatformContext, where: FilterQuery<AuditEntry>, args: PageArgs) {
  const limit = pageSize(args.first);
  const before = args.after ? Number(decodeCursor(args.after)) : undefined;
  if (before !== undefined && !Number.isInteger(before))
    throw urError('INVALID_CURSOR', 'Cursor is not from this list.');
  const filter = before === undefined ? where : { $and: [where, { seq: { $lt: before } }] };
  const rows = limit
    ? await ctx.em.find(AuditEntry, filter, { orderBy: { seq: 'desc' }, limit: limit + 1 })
    : [];
  const nodes = rows.slice(0, limit);
  const cursors = nodes.map((n) => encodeCursor(String(n.seq)));
  const pageInfo: PageInfo = {
    hasNextPage: rows.length > limit,
    hasPreviousPage: before !== undefined,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
  return { nodes, cursors, pageInfo };
}

function isoInstant(value: string, argument: string): string {
  if (Number.isNaN(Date.parse(value))) {
    throw urError('BAD_USER_INPUT', `${argument} must be an ISO 8601 instant, e.g. 2026-11-01T00:00:00Z.`, {
      argument,
    });
  }
  return new Date(value).toISOString();
}

@Resolver()
export class AuditResolver {
  @Directive('@requiresScopes(scopes: [["platform.audit:read"]])')
  @Query(() => AuditEntryConnection, {
    nullable: true,
    description: 'The audit trail, newest first (auditors).',
  })
  async auditEntries(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Ctx() ctx: PlatformContext,
  ): Promise<AuditEntryConnection> {
    await ctx.auditWritten?.();
    const where: FilterQuery<AuditEntry>[] = [];
    if (filter?.clientId) where.push({ clientId: filter.clientId });
    if (filter?.agency) where.push({ agency: filter.agency });
    if (filter?.purpose) where.push({ purpose: filter.purpose });
    if (filter?.from) where.push({ at: { $gte: isoInstant(filter.from, 'from') } });
    if (filter?.to) where.push({ at: { $lt: isoInstant(filter.to, 'to') } });
    if (filter?.citizen) {
      const seqs = await ctx.em.find(AuditSubject, {
        nationalId: assertNationalId(filter.citizen, 'citizen'),
      });
      where.push({ seq: { $in: seqs.map((s) => s.seq) } });
    }
    const { nodes, cursors, pageInfo } = await page(ctx, where.length ? { $and: where } : {}, args);
    return { edges: nodes.map((node, i) => ({ node, cursor: cursors[i] as string })), pageInfo };
  }

  @Directive('@requiresScopes(scopes: [["platform.mydata:read"]])')
  @Query(() => DataAccessConnection, {
    nullable: true,
    description: 'Every access to your own data (citizens, authenticated as themselves), newest first.',
  })
  async myDataAccesses(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: PlatformContext,
  ): Promise<DataAccessConnection> {
    const nationalId = ctx.caller.citizenId;
    if (!nationalId)
      throw urError('FORBIDDEN', 'Only a citizen authenticated as themselves can read their data accesses.');
    await ctx.auditWritten?.();
    const seqs = (await ctx.em.find(AuditSubject, { nationalId })).map((s) => s.seq);
    const { nodes, cursors, pageInfo } = await page(ctx, { seq: { $in: seqs } }, args);
    return {
      pageInfo,
      edges: nodes.map((e, i) => {
        const agency = e.agency ? agencyByCode(e.agency) : undefined;
        const denied = new Set(e.fieldsDenied);
        return {
          cursor: cursors[i] as string,
          node: {
            at: e.at,
            agency: e.agency ?? null,
            agencyName: agency?.ar ?? null,
            agencyNameEn: agency?.en ?? null,
            clientId: e.clientId ?? null,
            purpose: e.purpose ?? null,
            caseNumber: e.caseNumber ?? null,
            operationName: e.operationName ?? null,
            fields: e.fieldsRequested.filter((f) => !denied.has(f)),
          },
        };
      }),
    };
  }
}
