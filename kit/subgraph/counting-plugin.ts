import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind } from 'graphql';
import { remember, type SubgraphStats } from '../orm/query-counter';

export type CountedRequests = Pick<SubgraphStats, 'requests' | 'entityRequests' | 'representations'> &
  Partial<Pick<SubgraphStats, 'recentQueries'>>;

/**
 * Counts requests, `_entities` fetches and their representations (and keeps the last few
 * documents when `recentQueries` is there): what tests and the benchmark assert, never times.
 */
export function countingPlugin<TContext extends BaseContext>(
  stats: CountedRequests,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      stats.requests += 1;
      if (request.query && stats.recentQueries) remember(stats as SubgraphStats, request.query);
      return {
        async didResolveOperation({ operation, request }) {
          const entities = operation?.selectionSet.selections.some(
            (s) => s.kind === Kind.FIELD && s.name.value === '_entities',
          );
          if (!entities) return;
          stats.entityRequests += 1;
          const reps = request.variables?.representations;
          stats.representations += Array.isArray(reps) ? reps.length : 0;
        },
      };
    },
  };
}
