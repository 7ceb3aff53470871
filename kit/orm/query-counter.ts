import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/** Running counts a subgraph exposes to tests and the benchmark: counts, never times. */
export interface SubgraphStats {
  /** GraphQL requests served. */
  requests: number;
  /** Requests whose operation is an `_entities` fetch from the router. */
  entityRequests: number;
  /** Representations received across those fetches. */
  representations: number;
  /** SQL statements sent to the database. */
  sql: number;
  /** The last few GraphQL documents received (tests prove what was and was not fetched). */
  recentQueries: string[];
}

const RECENT = 20;

export function remember(stats: SubgraphStats, query: string): void {
  stats.recentQueries.push(query);
  if (stats.recentQueries.length > RECENT) stats.recentQueries.shift();
}

export function newStats(): SubgraphStats {
  return { requests: 0, entityRequests: 0, representations: 0, sql: 0, recentQueries: [] };
}

/** MikroORM logger that counts every SQL statement, whether or not query logging is on. */
export function countingLoggerFactory(stats: SubgraphStats) {
  return (options: LoggerOptions) =>
    new (class extends DefaultLogger {
      override logQuery(context: { query: string } & LogContext): void {
        stats.sql += 1;
        super.logQuery(context);
      }
    })(options);
}
