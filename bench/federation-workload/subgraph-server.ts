import { countingPlugin } from '../../kit/subgraph/counting-plugin';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { runApollo } from '../../kit/http/apollo-handler';
import { readBody } from '../../kit/http/read-body';
import { serve } from '../../kit/http/serve';

/** One subgraph of the public federation benchmark: SDL and resolvers over in-memory data. */
export interface BenchSubgraph {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<unknown>;
}

/** What a benchmark subgraph counts: the same counts the kit's subgraphs expose (no SQL here). */
export interface BenchSubgraphStats {
  requests: number;
  entityRequests: number;
  representations: number;
  sql: number;
}

export interface RunningBenchSubgraph {
  readonly name: string;
  readonly url: string;
  readonly stats: BenchSubgraphStats;
  close(): Promise<void>;
}

export function newBenchStats(): BenchSubgraphStats {
  return { requests: 0, entityRequests: 0, representations: 0, sql: 0 };
}

/**
 * Serves a benchmark subgraph as the public benchmark does: a plain `@apollo/subgraph` schema in
 * `@apollo/server`, over node:http, with no signed-context check (these are not the national
 * graph's subgraphs) and nothing but `/graphql`.
 */
export async function serveBenchSubgraph(
  subgraph: BenchSubgraph,
  host = '127.0.0.1',
  port = 0,
): Promise<RunningBenchSubgraph> {
  const stats = newBenchStats();
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      countingPlugin(stats),
    ],
  });
  await apollo.start();
  const listening = await serve(
    {
      '/graphql': async (req, res) => {
        const body = req.method === 'POST' ? await readBody(req, 5 * 1024 * 1024) : '';
        await runApollo(apollo, req, res, body, async () => ({}));
      },
    },
    port,
    host,
  );
  return {
    name: subgraph.name,
    url: `${listening.url}/graphql`,
    stats,
    async close() {
      await listening.close();
      await apollo.stop();
    },
  };
}
