import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
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
import type { LogLevel } from '../kit/config/variables';
import { formatError } from '../kit/errors/format-error';
import { urError } from '../kit/errors/ur-error';
import type { DatabaseLocation } from '../kit/orm/database-location';
import { ormDriver } from '../kit/orm/orm-driver';
import { runApollo } from '../kit/http/apollo-handler';
import { readBody } from '../kit/http/read-body';
import { sendGraphQLError, sendJson } from '../kit/http/send';
import { serve } from '../kit/http/serve';
import { SpanKind } from '@opentelemetry/api';
import { extractContext } from '../kit/telemetry/trace-headers';
import { withSpan } from '../kit/telemetry/with-span';
import { AuditJournal } from '../subgraphs/platform/audit/audit-journal';
import { CopierProcess } from '../subgraphs/platform/audit/copier-process';
import { AuditWriter } from '../subgraphs/platform/audit/audit-writer';
import type { ClientRegistry } from './clients/client';
import { DatabaseClientRegistry } from './clients/database-client-registry';
import { CachedClientRegistry } from './clients/cached-client-registry';
import {
  Admission,
  DEFAULT_MAX_CONCURRENT_OPERATIONS,
  DEFAULT_MAX_QUEUE_WAIT_MS,
  DEFAULT_MAX_QUEUED_OPERATIONS,
  overloadedError,
  RETRY_AFTER_SECONDS,
  slotForRequest,
} from './pipeline/admission';
import { auditTrail, type AuditSink, refusedRequestDraft } from './pipeline/audit-trail';
import { authenticator } from './pipeline/authenticate';
import { introspectionGuard, type IntrospectionMode } from './pipeline/introspection';
import { Observability, type RequestRecord } from './pipeline/observability';
import {
  batchRefusal,
  DEFAULT_OPERATION_LIMITS,
  keepLimitCodes,
  type OperationLimits,
  operationLimitsRule,
} from './pipeline/operation-limits';
import { PlatformDataSource } from './pipeline/platform-data-source';
import { PlanExecutor } from './execution/plan-executor';
import { FallbackGateway } from './execution/fallback-gateway';
import { directOperation } from './pipeline/direct-operation';
import { PreparedDocuments } from './pipeline/prepared-documents';
import type { GraphQLDataSource } from '@apollo/gateway/dist/datasources/types';
import { type AuthzMode, PolicyGateway } from './pipeline/policy-gateway';
import { type Exchange, SignedDataSource } from './pipeline/signed-data-source';
import { SharedFetches } from './execution/shared-fetches';
import { SubgraphGuards } from './pipeline/subgraph-timeouts';
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
   * purposes, audit trail, served as the `platform` subgraph. Without it (test graphs, the
   * benchmark), `clients` is the registry and only an `auditSink` given here is written.
   */
  readonly platform?: {
    readonly orm: MikroORM;
    readonly schema: GraphQLSchema;
    /** Folder of the audit journal (`AuditJournal`): kept across restarts, like the database. */
    readonly journalDir: string;
    /**
     * The same database, for the journal's copier to run in a process of its own (`CopierProcess`):
     * the router then only appends. Absent (an in-memory database, as in tests): it copies itself.
     */
    readonly copierDatabase?: DatabaseLocation;
  };
  readonly clients?: ClientRegistry;
  /** Where audit entries go; defaults to the platform's audit journal. Tests swap in a failing one. */
  readonly auditSink?: AuditSink;
  readonly authzMode: AuthzMode;
  /** A candidate supergraph whose policy is evaluated on every operation and reported, not enforced. */
  readonly dryRunSupergraphSdl?: string;
  readonly redisUrl?: string;
  readonly anonymousRateLimit?: number;
  readonly host: string;
  readonly port: number;
  readonly bodyLimit?: number;
  /**
   * Depth, aliases, top-level fields and estimated cost per operation, over the defaults
   * (DEFAULT_OPERATION_LIMITS). Always on: a graph with heavier legitimate queries raises them.
   */
  readonly limits?: Partial<OperationLimits>;
  /** Who may introspect the schema; default `all` (main.ts resolves UR_INTROSPECTION). */
  readonly introspection?: IntrospectionMode;
  /** How long a client's registry entry is kept between reads, ms (default 1000, UR_REGISTRY_CACHE_MS; 0: every request). */
  readonly registryCacheMs?: number;
  /**
   * Whether identical subgraph calls of one caller's query operations in flight at the same
   * moment are made once (default true, UR_SHARE_SUBGRAPH_CALLS; `execution/shared-fetches.ts`).
   */
  readonly shareFetches?: boolean;
  /** Deadline of each subgraph call, ms (default 10000). */
  readonly subgraphTimeoutMs?: number;
  /** Consecutive failures that open a subgraph's circuit (default 5), and for how long (default 30 s). */
  readonly circuitFailures?: number;
  readonly circuitOpenSeconds?: number;
  /**
   * Who runs query plans: `router` (default), the router's own executor (compiled operations,
   * deduplicated representations), falling back to @apollo/gateway for what it does not run;
   * or `gateway`, @apollo/gateway's executor for everything (for comparison and as a fallback).
   */
  readonly executor?: 'router' | 'gateway';
  /**
   * Whether the router answers plain JSON POSTs of already-validated operations itself (default
   * true with the router's executor); `false` sends every request through Apollo Server's
   * pipeline (for comparison; the answers are the same).
   */
  readonly directPath?: boolean;
  /** JSON logs (pino); default `silent` for embedded routers (tests, bench), main.ts passes UR_LOG_LEVEL. */
  readonly logLevel?: LogLevel;
  /**
   * Operations run at once (default 16, UR_MAX_CONCURRENT_OPERATIONS): each holds a slot from
   * after authentication and the rate limit until its answer is sent (`pipeline/admission.ts`).
   */
  readonly maxConcurrentOperations?: number;
  /**
   * Operations that may wait for a slot (default 1000, UR_MAX_QUEUED_OPERATIONS); one more is
   * refused at once with 503 ROUTER_OVERLOADED and Retry-After.
   */
  readonly maxQueuedOperations?: number;
  /** How long an operation may wait for a slot before it is refused the same way (default 10000 ms). */
  readonly maxQueueWaitMs?: number;
}

export interface RunningRouter {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  readonly url: string;
  /** Copies the journaled audit entries into the chain now (for readers of the database itself). */
  flushAudit(): Promise<void>;
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
  const registry = platform
    ? new CachedClientRegistry(new DatabaseClientRegistry(platform.orm), options.registryCacheMs ?? 1000)
    : undefined;
  const clients = registry ?? options.clients;
  if (!clients) throw new Error('startRouter needs the platform (client registry) or a `clients` registry');
  const journal = platform
    ? await AuditJournal.open(
        platform.journalDir,
        new AuditWriter(ormDriver(platform.orm)),
        platform.copierDatabase &&
          ((onCopied) =>
            CopierProcess.start(
              { dir: platform.journalDir, database: platform.copierDatabase as DatabaseLocation },
              onCopied,
            )),
      )
    : undefined;
  const auditSink = options.auditSink ?? journal;
  const observability = new Observability({ logLevel: options.logLevel ?? 'silent' });
  const guards = new SubgraphGuards({
    timeoutMs: options.subgraphTimeoutMs ?? 10_000,
    circuitFailures: options.circuitFailures ?? 5,
    circuitOpenMs: (options.circuitOpenSeconds ?? 30) * 1000,
    onCall: (call) => observability.subgraphCall(call),
    onCircuit: (subgraph, state) => observability.circuitChanged(subgraph, state),
  });

  const shared = options.shareFetches === false ? undefined : new SharedFetches<Exchange>();
  // One data source per subgraph, shared by our plan executor and @apollo/gateway's.
  const services = new Map<string, GraphQLDataSource<RouterContext>>();
  const serviceFor = (name: string, url?: string): GraphQLDataSource<RouterContext> => {
    let service = services.get(name);
    if (!service) {
      service =
        name === 'platform' && platform
          ? new PlatformDataSource(
              platform.schema,
              platform.orm,
              supergraph.policy,
              async () => journal?.flush(),
              // A change to clients or purposes applies to this router's next request.
              () => registry?.invalidate(),
            )
          : new SignedDataSource(
              name,
              urls[name] ?? url ?? '',
              options.agencies?.[name],
              guards.for(name),
              shared,
            );
      services.set(name, service);
    }
    return service;
  };
  // Built once: the API schema Apollo Server validates against, and what our planner plans on.
  const built = Supergraph.build(supergraph.executableSdl);
  const apiSchema = built.apiSchema().toGraphQLJSSchema();
  const fallback = new FallbackGateway({ supergraphSdl: supergraph.executableSdl, buildService: serviceFor });
  const plans =
    options.executor === 'gateway'
      ? undefined
      : new PlanExecutor(built, (name) => (name in urls ? serviceFor(name) : undefined));
  const policyGateway = new PolicyGateway(
    { apiSchema, coreSupergraphSdl: supergraph.executableSdl },
    fallback,
    supergraph.policy,
    options.authzMode,
    options.dryRunSupergraphSdl ? parseSupergraph(options.dryRunSupergraphSdl).policy : undefined,
    plans,
  );
  const limitsRule = operationLimitsRule({ ...DEFAULT_OPERATION_LIMITS, ...options.limits });
  const errorFormatter = keepLimitCodes(formatError);
  const apollo = new ApolloServer<RouterContext>({
    gateway: policyGateway,
    formatError: errorFormatter,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the router itself (audit, traces flushed); Apollo's own handler would exit first.
    stopOnTerminationSignals: false,
    validationRules: [limitsRule],
    // Apollo's switch would follow NODE_ENV for everyone; the introspection guard decides per caller.
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      introspectionGuard(options.introspection ?? 'all'),
      observability.plugin(),
      ...(auditSink ? [auditTrail(auditSink)] : []),
    ],
  });
  await apollo.start();
  const direct =
    plans && options.directPath !== false
      ? directOperation({
          documents: new PreparedDocuments(apiSchema, [limitsRule]),
          gateway: policyGateway,
          schema: apiSchema,
          formatError: errorFormatter,
          observability,
          auditSink,
        })
      : undefined;

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
  const admission = new Admission({
    maxConcurrent: options.maxConcurrentOperations ?? DEFAULT_MAX_CONCURRENT_OPERATIONS,
    maxQueued: options.maxQueuedOperations ?? DEFAULT_MAX_QUEUED_OPERATIONS,
    maxWaitMs: options.maxQueueWaitMs ?? DEFAULT_MAX_QUEUE_WAIT_MS,
  });
  observability.watchAdmission(admission);

  /** Refused before GraphQL runs: recorded too, then answered. */
  const refuse = async (
    res: Parameters<typeof sendGraphQLError>[0],
    error: GraphQLError,
    caller: Caller | undefined,
    requestId: string,
    startedAt: number,
    record: RequestRecord,
  ) => {
    observability.refused(record, error);
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
        const record = observability.startRequest(requestId, res);
        let caller: Caller;
        let clientLimit: number | undefined;
        try {
          ({ caller, rateLimitPerMinute: clientLimit } = await authenticate(req.headers, requestId));
        } catch (error) {
          req.resume();
          await refuse(res, error as GraphQLError, undefined, requestId, startedAt, record);
          return;
        }
        observability.identified(record, caller);
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
          await refuse(res, error, caller, requestId, startedAt, record);
          return;
        }
        const body =
          req.method === 'POST'
            ? await readBody(req, bodyLimit).catch((error: unknown) => {
                observability.refused(record, error);
                throw error;
              })
            : '';
        const batch = batchRefusal(body);
        if (batch) {
          await refuse(res, batch, caller, requestId, startedAt, record);
          return;
        }
        // A slot for the execution and the answer; refused callers above never waited for one.
        const slot = admission.tryAcquire() ?? (await slotForRequest(admission, req, res));
        if (!slot) return; // the caller hung up while waiting
        if (typeof slot === 'string') {
          res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
          const error = overloadedError(slot, admission.options);
          await refuse(res, error, caller, requestId, startedAt, record);
          return;
        }
        try {
          let token: Promise<string> | undefined;
          const context: RouterContext = {
            caller,
            contextToken: () => (token ??= signContext(caller, key)),
            subgraphsCalled: new Set<string>(),
            subjects: new Set<string>(),
            record,
          };
          await withSpan(
            'router operation',
            { 'ur.request_id': requestId, 'ur.client_id': caller.clientId ?? '' },
            async () => {
              if (direct && (await direct(req, res, body, context))) return;
              await runApollo(apollo, req, res, body, async () => context);
            },
            { kind: SpanKind.SERVER, parent: extractContext(req.headers) },
          );
        } finally {
          slot.release();
        }
      },
      '/metrics': observability.metricsRoute(),
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
    flushAudit: async () => journal?.flush(),
    async close() {
      await listening.close();
      await apollo.stop();
      await journal?.close();
      await limiter.close();
      for (const service of services.values()) if (service instanceof SignedDataSource) service.close();
    },
  };
}
