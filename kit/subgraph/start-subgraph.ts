import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { trace } from '@opentelemetry/api';
import { CONTEXT_HEADER, contextKey, verifyContext } from '../auth/context-token';
import { formatError } from '../errors/format-error';
import { readBody } from '../http/read-body';
import { runApollo } from '../http/apollo-handler';
import { sendGraphQLError, sendJson } from '../http/send';
import { type Handler, type Listening, serve } from '../http/serve';
import { dialectOf } from '../orm/open-database';
import type { SubgraphStats } from '../orm/query-counter';
import { recordOutcome } from '../telemetry/outcome';
import { tracingEnabled } from '../telemetry/tracing';
import { countingPlugin } from './counting-plugin';
import { subjectsPlugin } from './collect-subjects';
import { type DatabaseRuntimeOptions, prepareSubgraph } from './prepare-subgraph';
import type { SubgraphDefinition } from './define-subgraph';
import { Loaders } from './loaders';
import { serverSpan, serverSpanPlugin } from './server-span';
import type { SubgraphContext } from './subgraph-context';

export interface SubgraphRuntimeOptions extends DatabaseRuntimeOptions {
  readonly contextSecret: string;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Largest request body accepted; the router sends at most a page of representations. */
  readonly bodyLimit?: number;
}

export interface RunningSubgraph {
  readonly name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  readonly url: string;
  readonly stats: SubgraphStats;
  readonly orm: MikroORM;
  close(): Promise<void>;
}

/**
 * Starts one ministry's subgraph: database (migrated, seeded when empty), schema with the policy
 * enforced by graphql-shield, and an HTTP server with `/graphql` (router-signed calls only) and
 * `/health`. When tracing was started before (see kit/telemetry/tracing.ts), every `/graphql`
 * request is recorded as a server span joined to the router's trace; otherwise nothing is added.
 */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const { orm, schema, stats } = await prepareSubgraph(definition, options);
  const traced = tracingEnabled();
  try {
    const apollo = new ApolloServer<SubgraphContext>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      // runSubgraphMain owns SIGTERM/SIGINT: Apollo's own handler would re-send the signal once
      // stopped and kill the process before the database is closed and the last spans exported.
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        countingPlugin(stats),
        subjectsPlugin,
        ...(traced ? [serverSpanPlugin<SubgraphContext>(definition.name)] : []),
      ],
    });
    await apollo.start();
    const key = contextKey(options.contextSecret);
    const bodyLimit = options.bodyLimit ?? 5 * 1024 * 1024;

    const graphql: Handler = async (req, res) => {
      let caller;
      try {
        caller = await verifyContext(req.headers[CONTEXT_HEADER] as string | undefined, key);
      } catch (error) {
        req.resume();
        if (traced) recordOutcome(trace.getActiveSpan(), [error as GraphQLError]);
        sendGraphQLError(res, error as never);
        return;
      }
      const body = await readBody(req, bodyLimit);
      await runApollo(apollo, req, res, body, async () => {
        const em = orm.em.fork();
        return { caller, em, loaders: new Loaders(em), subjects: new Set<string>() };
      });
    };

    const listening: Listening = await serve(
      {
        '/graphql': traced ? serverSpan(definition.name, graphql) : graphql,
        '/health': async (_req, res) => {
          try {
            await orm.em.getConnection().execute('select 1');
            sendJson(res, 200, {
              status: 'ok',
              service: definition.name,
              agency: definition.agency,
              database: dialectOf(options.databaseUrl),
            });
          } catch {
            sendJson(res, 503, { status: 'unavailable', service: definition.name, reason: 'database' });
          }
        },
      },
      options.port,
      options.host,
    );
    return {
      name: definition.name,
      url: `${listening.url}/graphql`,
      stats,
      orm,
      async close() {
        await listening.close();
        await apollo.stop();
        await orm.close(true);
      },
    };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
