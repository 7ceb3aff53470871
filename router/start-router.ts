import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { importPlatformPublicKey } from '../kit/auth/client-token';
import { contextKey, signContext } from '../kit/auth/context-token';
import { formatError } from '../kit/errors/format-error';
import { runApollo } from '../kit/http/apollo-handler';
import { readBody } from '../kit/http/read-body';
import { sendGraphQLError, sendJson } from '../kit/http/send';
import { serve } from '../kit/http/serve';
import type { ClientRegistry } from './clients/client';
import { authenticator } from './pipeline/authenticate';
import { type AuthzMode, PolicyGateway } from './pipeline/policy-gateway';
import { SignedDataSource } from './pipeline/signed-data-source';
import type { RouterContext } from './router-context';
import { parseSupergraph } from './supergraph/load-supergraph';
import type { GraphQLError } from 'graphql';

export interface RouterOptions {
  /** Composed supergraph SDL, with the authorization directives. */
  readonly supergraphSdl: string;
  /** Subgraph name → GraphQL URL, overriding the supergraph's routing URLs. */
  readonly subgraphUrls?: Record<string, string>;
  /** Subgraph name → agency code, to name the agency when a subgraph is down. */
  readonly agencies?: Record<string, string>;
  readonly platformPublicKeyPem: string;
  readonly contextSecret: string;
  readonly clients: ClientRegistry;
  readonly authzMode: AuthzMode;
  readonly host: string;
  readonly port: number;
  readonly bodyLimit?: number;
}

export interface RunningRouter {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The router: authenticate → policy (filter or reject) → plan and execute with signed subgraph
 * calls. Served without a web framework: `/graphql` and `/health`.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const supergraph = parseSupergraph(options.supergraphSdl);
  const urls = { ...supergraph.routingUrls, ...options.subgraphUrls };
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.executableSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, urls[name] ?? url ?? '', options.agencies?.[name]),
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway: new PolicyGateway(gateway, supergraph.policy, options.authzMode),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const authenticate = authenticator(
    await importPlatformPublicKey(options.platformPublicKeyPem),
    options.clients,
  );
  const key = contextKey(options.contextSecret);
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;

  const listening = await serve(
    {
      '/graphql': async (req, res) => {
        const requestId = randomUUID();
        res.setHeader('ur-request-id', requestId);
        let caller;
        try {
          caller = await authenticate(req.headers, requestId);
        } catch (error) {
          req.resume();
          sendGraphQLError(res, error as GraphQLError);
          return;
        }
        const body = req.method === 'POST' ? await readBody(req, bodyLimit) : '';
        let token: Promise<string> | undefined;
        await runApollo(apollo, req, res, body, async () => ({
          caller,
          contextToken: () => (token ??= signContext(caller, key)),
          subgraphsCalled: new Set<string>(),
        }));
      },
      '/health': async (_req, res) => {
        const subgraphs: Record<string, string> = {};
        await Promise.all(
          Object.entries(urls).map(async ([name, url]) => {
            try {
              const r = await fetch(url.replace(/\/graphql$/, '/health'), {
                signal: AbortSignal.timeout(2000),
              });
              subgraphs[name] = r.ok ? 'ok' : 'unavailable';
            } catch {
              subgraphs[name] = 'unavailable';
            }
          }),
        );
        const ok = Object.values(subgraphs).every((s) => s === 'ok');
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', service: 'router', subgraphs });
      },
    },
    options.port,
    options.host,
  );
  return {
    url: `${listening.url}/graphql`,
    async close() {
      await listening.close();
      await apollo.stop();
    },
  };
}
