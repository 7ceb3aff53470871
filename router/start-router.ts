import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import Redis from 'ioredis';
import type { Caller } from '../kit/auth/caller';
import { importPublicKey } from '../kit/auth/client-token';
import { contextKey, signContext } from '../kit/auth/context-token';
import { formatError } from '../kit/errors/format-error';
import { urError } from '../kit/errors/ur-error';
import { runApollo } from '../kit/http/apollo-handler';
import { readBody } from '../kit/http/read-body';
import { sendGraphQLError, sendJson } from '../kit/http/send';
import { serve } from '../kit/http/serve';
import { AuditWriter } from '../subgraphs/platform/audit/audit-writer';
import type { ClientRegistry } from './clients/client';
import { DatabaseClientRegistry } from './clients/database-client-registry';
import { auditTrail, type AuditSink, refusedRequestDraft } from './pipeline/audit-trail';
import { authenticator } from './pipeline/authenticate';
import { PlatformDataSource } from './pipeline/platform-data-source';
import { type AuthzMode, PolicyGateway } from './pipeline/policy-gateway';
import { SignedDataSource } from './pipeline/signed-data-source';
import type { RouterContext } from './router-context';
import { parseSupergraph } from './supergraph/load-supergraph';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './trust/rate-limiter';
import { MemoryReplayGuard, RedisReplayGuard } from './trust/replay-guard';
import { anonymousExecute } from './pages/anonymous-execute';
import { trustListRoute } from './pages/trust-list-route';
import { verifyPageRoute } from './pages/verify-page';

export interface RouterOptions {
  /** Composed supergraph SDL, with the authorization directives. */
  readonly supergraphSdl: string;
  /** Subgraph name → GraphQL URL, overriding the supergraph's routing URLs. */
  readonly subgraphUrls?: Record<string, string>;
  /** Subgraph name → agency code, to name the agency when a subgraph is down. */
  readonly agencies?: Record<string, string>;
  readonly platformPublicKeyPem: string;
  readonly contextSecret: string;
  /**
   * The platform's trust services in this process (the router's own database): client registry,
   * purposes, audit trail, served as the `platform` subgraph. Without it (benchmark graphs),
   * `clients` is the registry and nothing is audited.
   */
  readonly platform?: { readonly orm: MikroORM; readonly schema: GraphQLSchema };
  readonly clients?: ClientRegistry;
  /** Where audit entries go; defaults to the platform database. Tests swap in a failing one. */
  readonly auditSink?: AuditSink;
  readonly authzMode: AuthzMode;
  /** A candidate supergraph whose policy is evaluated on every operation and reported, not enforced. */
  readonly dryRunSupergraphSdl?: string;
  readonly redisUrl?: string;
  readonly anonymousRateLimit?: number;
  readonly host: string;
  readonly port: number;
  readonly bodyLimit?: number;
}

export interface RunningRouter {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  readonly url: string;
  close(): Promise<void>;
}

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The router, a pipeline in request order: authenticate (and check the declared purpose) →
 * rate limit → policy (filter or reject; purpose required for personal data) → plan and execute
 * with signed subgraph calls → audit (durable before the answer is released).
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const supergraph = parseSupergraph(options.supergraphSdl);
  const urls = { ...supergraph.routingUrls, ...options.subgraphUrls };
  const { platform } = options;
  const clients = platform ? new DatabaseClientRegistry(platform.orm) : options.clients;
  if (!clients) throw new Error('startRouter needs the platform (client registry) or a `clients` registry');
  const auditSink = options.auditSink ?? (platform ? new AuditWriter(platform.orm) : undefined);

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.executableSdl,
    buildService: ({ name, url }) =>
      name === 'platform' && platform
        ? new PlatformDataSource(platform.schema, platform.orm, supergraph.policy)
        : new SignedDataSource(name, urls[name] ?? url ?? '', options.agencies?.[name]),
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway: new PolicyGateway(
      gateway,
      supergraph.policy,
      options.authzMode,
      options.dryRunSupergraphSdl ? parseSupergraph(options.dryRunSupergraphSdl).policy : undefined,
    ),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(auditSink ? [auditTrail(auditSink)] : []),
    ],
  });
  await apollo.start();

  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const limiter: RateLimiter = redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter();
  const authenticate = authenticator(
    await importPublicKey(options.platformPublicKeyPem),
    clients,
    redis ? new RedisReplayGuard(redis) : new MemoryReplayGuard(),
  );
  const key = contextKey(options.contextSecret);
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const anonymousLimit = options.anonymousRateLimit ?? 300;

  /** Refused before GraphQL runs: recorded too, then answered. */
  const refuse = async (
    res: Parameters<typeof sendGraphQLError>[0],
    error: GraphQLError,
    caller: Caller | undefined,
    requestId: string,
    startedAt: number,
  ) => {
    const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
    try {
      await auditSink?.append(refusedRequestDraft(caller, requestId, code, startedAt));
    } catch {
      // A refusal releases no data: it is answered even when the audit store is down.
    }
    sendGraphQLError(res, error);
  };

  const listening = await serve(
    {
      '/graphql': async (req, res) => {
        const startedAt = Date.now();
        const requestId = randomUUID();
        res.setHeader('ur-request-id', requestId);
        let caller: Caller;
        let clientLimit: number | undefined;
        try {
          ({ caller, rateLimitPerMinute: clientLimit } = await authenticate(req.headers, requestId));
        } catch (error) {
          req.resume();
          await refuse(res, error as GraphQLError, undefined, requestId, startedAt);
          return;
        }
        const limitKey =
          caller.clientId ?? (caller.citizenId ? `citizen:${caller.citizenId}` : `ip:${clientAddress(req)}`);
        const limit = clientLimit ?? anonymousLimit;
        const decision = await limiter.take(limitKey, limit);
        if (!decision.allowed) {
          req.resume();
          res.setHeader('retry-after', String(decision.retryAfter));
          const error = urError(
            'RATE_LIMITED',
            `Rate limit of ${limit} operations a minute reached; retry in ${decision.retryAfter} s.`,
            {
              retryAfter: decision.retryAfter,
            },
          );
          await refuse(res, error, caller, requestId, startedAt);
          return;
        }
        const body = req.method === 'POST' ? await readBody(req, bodyLimit) : '';
        let token: Promise<string> | undefined;
        await runApollo(apollo, req, res, body, async () => ({
          caller,
          contextToken: () => (token ??= signContext(caller, key)),
          subgraphsCalled: new Set<string>(),
          subjects: new Set<string>(),
        }));
      },
      '/verify': verifyPageRoute(anonymousExecute(apollo, key)),
      '/trust-list.json': trustListRoute(anonymousExecute(apollo, key)),
      '/health': async (_req, res) => {
        const subgraphs: Record<string, string> = {};
        await Promise.all(
          Object.entries(urls)
            .filter(([name]) => !(name === 'platform' && platform))
            .map(async ([name, url]) => {
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
      await limiter.close();
    },
  };
}
