import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { CONTEXT_HEADER } from '../../kit/auth/context-token';
import { agencyByCode } from '../../kit/demo/reference-data';
import { SUBJECTS_EXTENSION } from '../../kit/subgraph/collect-subjects';
import type { RouterContext } from '../router-context';

/**
 * How the router calls a subgraph: with the caller's context signed by the router (the only
 * thing a subgraph trusts), and with a failure of the subgraph turned into an error that names
 * the agency, so one ministry down leaves the others' fields answering.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    readonly serviceName: string,
    url: string,
    private readonly agencyCode: string | undefined,
  ) {
    // Node's own fetch (undici): pooled keep-alive connections, far less work per call than the
    // default make-fetch-happen, whose caching layer a router never uses.
    super({ url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
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
    try {
      return await super.process(options);
    } catch {
      const agency = this.agencyCode ? agencyByCode(this.agencyCode) : undefined;
      const who = agency ? `${agency.en} (${this.serviceName})` : `The ${this.serviceName} subgraph`;
      return {
        errors: [
          {
            message: `${who} is unavailable; its fields are null and the rest of the answer stands.`,
            extensions: {
              code: 'SUBGRAPH_UNAVAILABLE',
              serviceName: this.serviceName,
              agency: this.agencyCode ?? null,
            },
          },
        ],
      } as unknown as GatewayGraphQLResponse;
    }
  }
}
