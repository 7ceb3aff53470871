import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import { decodeJwt } from 'jose';
import { anonymousCaller, type Caller } from '../kit/auth/caller';
import { CONTEXT_HEADER, signContext } from '../kit/auth/context-token';
import { DEMO_CLIENTS } from '../router/clients/demo-clients';

/** Per-request context of the plain gateway when it fronts the national graph's subgraphs. */
export interface PlainGatewayContext {
  /** The signed context, made once per request on first use (as our router does). */
  contextToken?: () => Promise<string>;
}

/**
 * The plain gateway's data source for the national graph: the subgraphs answer only a signed
 * context (401 otherwise), so it adds the header, signed with the same secret, once per request.
 * Nothing else: no authentication, no policy, no purpose check.
 */
export class SigningDataSource extends RemoteGraphQLDataSource<PlainGatewayContext> {
  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<PlainGatewayContext>,
  ): Promise<void> {
    if (!('context' in options) || !options.context?.contextToken) return;
    options.request.http?.headers.set(CONTEXT_HEADER, await options.context.contextToken());
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || null;
}

/**
 * Who the subgraphs are told is asking: the demo client named by the bearer token's subject,
 * read WITHOUT verifying the token (the plain gateway authenticates no one; it only has to give
 * the subgraphs a context they accept), with the declared purpose.
 */
export function callerFromHeaders(headers: IncomingHttpHeaders): Caller {
  const anonymous = anonymousCaller(randomUUID());
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '')?.[1];
  if (!bearer) return anonymous;
  const client = DEMO_CLIENTS.find((c) => c.id === decodeJwt(bearer).sub);
  if (!client) return anonymous;
  return {
    ...anonymous,
    clientId: client.id,
    agency: client.agency,
    scopes: client.scopes,
    purpose: header(headers, 'ur-purpose'),
    caseNumber: header(headers, 'ur-case'),
  };
}

/** The context for one request: the token is signed lazily, at most once. */
export function signingContext(headers: IncomingHttpHeaders, key: Uint8Array): PlainGatewayContext {
  let token: Promise<string> | undefined;
  return { contextToken: () => (token ??= signContext(callerFromHeaders(headers), key)) };
}
