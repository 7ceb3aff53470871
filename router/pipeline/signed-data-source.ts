import type {
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
} from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { CONTEXT_HEADER } from '../../kit/auth/context-token';
import { agencyByCode } from '../../kit/demo/reference-data';
import { SUBJECTS_EXTENSION } from '../../kit/subgraph/collect-subjects';
import type { RouterContext } from '../router-context';
import { JsonTransport } from '../execution/json-transport';
import { type SharedFetches, viewKey } from '../execution/shared-fetches';
import { SpanKind } from '@opentelemetry/api';
import { recordOutcome } from '../../kit/telemetry/outcome';
import { injectTraceHeaders } from '../../kit/telemetry/trace-headers';
import { withSpan } from '../../kit/telemetry/with-span';
import { isTimeout, type SubgraphFailure, type SubgraphGuard } from './subgraph-timeouts';

/** A GraphQL response body as a subgraph sends it. */
interface GraphQLBody {
  readonly data?: unknown;
  readonly errors?: unknown;
  readonly extensions?: Record<string, unknown>;
}

/** What one HTTP call to a subgraph came to: its answer (as text, for those who join it), or why it failed. */
export type Exchange =
  | { readonly text: string; readonly body: GraphQLBody }
  | { readonly failure: SubgraphFailure; readonly message: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Deadline of a call when no guard sets one. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * How the router calls a subgraph: with the caller's context signed by the router (the only
 * thing a subgraph trusts), and with a failure of the subgraph turned into an error that names
 * the agency, so one ministry down leaves the others' fields answering. With a guard, each call
 * has a deadline and the subgraph a circuit breaker: once open, its fields answer
 * SUBGRAPH_UNAVAILABLE at once, without calling it, until the next probe.
 */
export class SignedDataSource implements GraphQLDataSource<RouterContext> {
  private readonly transport: JsonTransport;

  constructor(
    readonly serviceName: string,
    url: string,
    private readonly agencyCode: string | undefined,
    private readonly guard?: SubgraphGuard,
    /** Calls in flight, shared by every data source of one router (absent: every call is made). */
    private readonly shared?: SharedFetches<Exchange>,
  ) {
    this.transport = new JsonTransport(url, guard?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { guard } = this;
    const context = ('context' in options ? options.context : undefined) as RouterContext | undefined;
    const requestId = context?.caller?.requestId;
    const closed = guard?.breaker.admit();
    if (guard && closed) {
      const retryAt = new Date(closed.retryAt).toISOString();
      const reason = `its circuit is open after ${guard.breaker.consecutiveFailures} consecutive failed calls, and the router tries it again at ${retryAt}`;
      guard.report({ requestId, seconds: 0, failure: 'circuit-open', message: reason });
      return this.unavailable(reason, { circuit: 'open', retryAt });
    }
    return withSpan(
      `router fetch ${this.serviceName}`,
      { 'ur.subgraph': this.serviceName },
      async (span) => {
        const response = await this.call(options, context, requestId);
        recordOutcome(span, response.errors);
        return response;
      },
      { kind: SpanKind.CLIENT },
    );
  }

  private async call(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
    context: RouterContext | undefined,
    requestId: string | undefined,
  ): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    const body = JSON.stringify({ query, variables, operationName });
    if (context?.contextToken) context.subgraphsCalled.add(this.serviceName);
    const kind =
      'incomingRequestContext' in options ? options.incomingRequestContext.operation?.operation : undefined;
    let exchange: Exchange;
    let joined = false;
    if (kind === 'query' && context?.caller && this.shared) {
      const shared = this.shared.run(`${this.serviceName}\n${viewKey(context.caller)}\n${body}`, () =>
        this.exchange(body, context, requestId),
      );
      joined = shared.joined;
      if (joined) this.guard?.report({ requestId, seconds: 0, joined });
      exchange = await shared.result;
    } else {
      try {
        exchange = await this.exchange(body, context, requestId);
      } finally {
        // A write may change what any read in flight would answer: reads from now on start afresh.
        if (kind === 'mutation') this.shared?.forget();
      }
    }
    if ('failure' in exchange) {
      if (this.guard && exchange.failure === 'timeout') {
        return this.unavailable(`it did not answer within ${this.guard.timeoutMs} ms`, {
          timeoutMs: this.guard.timeoutMs,
        });
      }
      return this.unavailable();
    }
    // Whoever joined a call reads its own copy of the answer: the executor merges into what it reads.
    const answer = joined ? (JSON.parse(exchange.text) as GraphQLBody) : exchange.body;
    const subjects = answer.extensions?.[SUBJECTS_EXTENSION];
    if (Array.isArray(subjects)) for (const s of subjects) context?.subjects?.add(String(s));
    return { data: answer.data, errors: answer.errors } as GatewayGraphQLResponse;
  }

  /** One HTTP call to the subgraph, classified, with the breaker told and the call reported. */
  private async exchange(
    body: string,
    context: RouterContext | undefined,
    requestId: string | undefined,
  ): Promise<Exchange> {
    const { guard } = this;
    const headers: Record<string, string> = injectTraceHeaders({});
    if (context?.contextToken) headers[CONTEXT_HEADER] = await context.contextToken();
    const started = performance.now();
    let exchange: Exchange;
    try {
      const answer = await this.transport.post(body, headers);
      const parsed = parseJson(answer.text);
      if (answer.status < 200 || answer.status >= 300) {
        // A 4xx answer means the subgraph is up and refused this call: it does not count towards the circuit.
        exchange = {
          failure: answer.status < 500 ? 'rejected' : 'unreachable',
          message: `${answer.status} answer`,
        };
      } else if (!parsed || typeof parsed !== 'object' || !('data' in parsed || 'errors' in parsed)) {
        exchange = { failure: 'unreachable', message: 'the answer is not a GraphQL response' };
      } else {
        exchange = { text: answer.text, body: parsed as GraphQLBody };
      }
    } catch (error) {
      exchange = {
        failure: isTimeout(error) ? 'timeout' : 'unreachable',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    const seconds = (performance.now() - started) / 1000;
    const failure = 'failure' in exchange ? exchange.failure : undefined;
    if (failure === 'timeout' || failure === 'unreachable') guard?.breaker.failed();
    else guard?.breaker.succeeded();
    guard?.report({ requestId, seconds, ...('failure' in exchange ? exchange : {}) });
    return exchange;
  }

  /** Closes the pooled connections. */
  close(): void {
    this.transport.close();
  }

  /** SUBGRAPH_UNAVAILABLE naming the agency, and why when the router knows more than "down". */
  private unavailable(reason?: string, details: Record<string, unknown> = {}): GatewayGraphQLResponse {
    const agency = this.agencyCode ? agencyByCode(this.agencyCode) : undefined;
    const who = agency ? `${agency.en} (${this.serviceName})` : `The ${this.serviceName} subgraph`;
    return {
      errors: [
        {
          message: `${who} is unavailable${reason ? ` (${reason})` : ''}; its fields are null and the rest of the answer stands.`,
          extensions: {
            code: 'SUBGRAPH_UNAVAILABLE',
            serviceName: this.serviceName,
            agency: this.agencyCode ?? null,
            ...details,
          },
        },
      ],
    } as unknown as GatewayGraphQLResponse;
  }
}
