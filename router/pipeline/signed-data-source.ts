import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { CONTEXT_HEADER } from '../../kit/auth/context-token';
import { agencyByCode } from '../../kit/demo/reference-data';
import { SUBJECTS_EXTENSION } from '../../kit/subgraph/collect-subjects';
import type { RouterContext } from '../router-context';
import { fetchWithTimeout, isTimeout, type SubgraphFailure, type SubgraphGuard } from './subgraph-timeouts';

/**
 * How the router calls a subgraph: with the caller's context signed by the router (the only
 * thing a subgraph trusts), and with a failure of the subgraph turned into an error that names
 * the agency, so one ministry down leaves the others' fields answering. With a guard, each call
 * has a deadline and the subgraph a circuit breaker: once open, its fields answer
 * SUBGRAPH_UNAVAILABLE at once, without calling it, until the next probe.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    readonly serviceName: string,
    url: string,
    private readonly agencyCode: string | undefined,
    private readonly guard?: SubgraphGuard,
  ) {
    // Node's own fetch (undici): pooled keep-alive connections, far less work per call than the
    // default make-fetch-happen, whose caching layer a router never uses.
    const fetcher = guard ? fetchWithTimeout(guard.timeoutMs) : fetch;
    super({ url, fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<void> {
    if (!('context' in options) || !options.context?.contextToken) return;
    options.context.subgraphsCalled.add(this.serviceName);
    options.request.http?.headers.set(CONTEXT_HEADER, await options.context.contextToken());
  }

  /** Subjects whose personal data the subgraph returned, for the audit entry. */
  override async didReceiveResponse(
    requestContext: Parameters<NonNullable<RemoteGraphQLDataSource<RouterContext>['didReceiveResponse']>>[0],
  ): Promise<GatewayGraphQLResponse> {
    const subjects = requestContext.response.extensions?.[SUBJECTS_EXTENSION];
    if (Array.isArray(subjects)) for (const s of subjects) requestContext.context.subjects?.add(String(s));
    return requestContext.response;
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { guard } = this;
    const requestId = 'context' in options ? options.context?.caller?.requestId : undefined;
    const closed = guard?.breaker.admit();
    if (guard && closed) {
      const retryAt = new Date(closed.retryAt).toISOString();
      const reason = `its circuit is open after ${guard.breaker.consecutiveFailures} consecutive failed calls, and the router tries it again at ${retryAt}`;
      guard.report({ requestId, seconds: 0, failure: 'circuit-open', message: reason });
      return this.unavailable(reason, { circuit: 'open', retryAt });
    }
    const started = performance.now();
    try {
      const response = await super.process(options);
      guard?.breaker.succeeded();
      guard?.report({ requestId, seconds: (performance.now() - started) / 1000 });
      return response;
    } catch (error) {
      // A 4xx answer means the subgraph is up and refused this call: it does not count towards the circuit.
      const status = (error as { extensions?: { response?: { status?: number } } } | null)?.extensions
        ?.response?.status;
      const failure: SubgraphFailure = isTimeout(error)
        ? 'timeout'
        : status !== undefined && status < 500
          ? 'rejected'
          : 'unreachable';
      if (failure === 'rejected') guard?.breaker.succeeded();
      else guard?.breaker.failed();
      guard?.report({
        requestId,
        seconds: (performance.now() - started) / 1000,
        failure,
        message: error instanceof Error ? error.message : String(error),
      });
      if (guard && failure === 'timeout') {
        return this.unavailable(`it did not answer within ${guard.timeoutMs} ms`, {
          timeoutMs: guard.timeoutMs,
        });
      }
      return this.unavailable();
    }
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
