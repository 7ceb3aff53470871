import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { urError } from '../errors/ur-error';
import type { Page, PageArgs } from './connection';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const PREFIX = 'v1:';

export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw urError(
      'INVALID_CURSOR',
      `Cursor "${cursor}" was not issued by this list; pass pageInfo.endCursor.`,
      {
        argument: 'after',
      },
    );
  }
  return text.slice(PREFIX.length);
}

export function pageSize(first: number | undefined, max = MAX_PAGE_SIZE): number {
  if (first === undefined || first === null) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0) {
    throw urError('BAD_USER_INPUT', '`first` must be zero or a positive whole number.', {
      argument: 'first',
    });
  }
  if (first > max) {
    throw urError(
      'PAGE_SIZE_EXCEEDED',
      `\`first\` may be at most ${max}; got ${first}. Page with \`after\`.`,
      {
        argument: 'first',
        maximum: max,
      },
    );
  }
  return first;
}

/**
 * Keyset pagination over a string primary key `id`: stable under inserts, one SQL query per page
 * (plus one for `totalCount` when it is selected).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
): Promise<Page<T>> {
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : undefined;
  const filter = (afterId ? { $and: [where, { id: { $gt: afterId } }] } : where) as FilterQuery<T>;
  const rows =
    limit === 0 ? [] : await em.find(entity, filter, { orderBy: { id: 'asc' } as never, limit: limit + 1 });
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(node.id) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: afterId !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => em.count(entity, where),
  };
}
