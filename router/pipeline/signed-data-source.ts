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
import { SpanKind } from '@opentelemetry/api';
import { recordOutcome } from '../../kit/telemetry/outcome';
import { injectTraceHeaders } from '../../kit/telemetry/trace-headers';
import { withSpan } from '../../kit/telemetry/with-span';
import { isTimeout, type SubgraphFailure, type SubgraphGuard } from './subgraph-timeouts';

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
    const { guard } = this;
    const headers: Record<string, string> = injectTraceHeaders({});
    if (context?.contextToken) {
      context.subgraphsCalled.add(this.serviceName);
      headers[CONTEXT_HEADER] = await context.contextToken();
    }
    const { query, variables, operationName } = options.request;
    const started = performance.now();
    let failure: SubgraphFailure | undefined;
    let message: string | undefined;
    let response: GatewayGraphQLResponse | undefined;
    try {
      const answer = await this.transport.post(JSON.stringify({ query, variables, operationName }), headers);
      const body = answer.body as
        (GatewayGraphQLResponse & { extensions?: Record<string, unknown> }) | undefined;
      if (answer.status < 200 || answer.status >= 300) {
        // A 4xx answer means the subgraph is up and refused this call: it does not count towards the circuit.
        failure = answer.status < 500 ? 'rejected' : 'unreachable';
        message = `${answer.status} answer`;
      } else if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body)) {
        failure = 'unreachable';
        message = 'the answer is not a GraphQL response';
      } else {
        const subjects = body.extensions?.[SUBJECTS_EXTENSION];
        if (Array.isArray(subjects)) for (const s of subjects) context?.subjects?.add(String(s));
        response = { data: body.data, errors: body.errors } as GatewayGraphQLResponse;
      }
    } catch (error) {
      failure = isTimeout(error) ? 'timeout' : 'unreachable';
      message = error instanceof Error ? error.message : String(error);
    }
    const seconds = (performance.now() - started) / 1000;
    if (failure === 'timeout' || failure === 'unreachable') guard?.breaker.failed();
    else guard?.breaker.succeeded();
    guard?.report({ requestId, seconds, ...(failure ? { failure, message } : {}) });
    if (response) return response;
    if (guard && failure === 'timeout') {
      return this.unavailable(`it did not answer within ${guard.timeoutMs} ms`, {
        timeoutMs: guard.timeoutMs,
      });
    }
    return this.unavailable();
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
