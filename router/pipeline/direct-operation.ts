import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import { BoundedCache } from '../../kit/cache/bounded-cache';
import { jsonBytes } from '../../kit/http/json-bytes';
import type { RouterContext } from '../router-context';
import { type AuditSink, auditOperation } from './audit-trail';
import { ANONYMOUS_OPERATION, type Observability } from './observability';
import type { PolicyGateway } from './policy-gateway';
import { operationToRun, type PreparedDocuments } from './prepared-documents';

/** The media types Apollo Server chooses between for a single result, in its order of preference. */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface DirectOperationOptions {
  readonly documents: PreparedDocuments;
  readonly gateway: PolicyGateway;
  /** The API schema Apollo Server serves (policy and shapes are looked up in it). */
  readonly schema: GraphQLSchema;
  readonly formatError: ErrorFormatter;
  readonly observability: Observability;
  readonly auditSink?: AuditSink;
}

/** A request the direct path may answer: a JSON POST of one operation, no persisted-query extension. */
interface DirectRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  readonly extensions: Record<string, unknown> | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a request the direct path handles, or `undefined` for Apollo Server to judge. */
function readRequest(body: string): DirectRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.query !== 'string') return undefined;
  const { query, operationName, variables, extensions } = parsed;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return undefined;
  if (extensions && 'persistedQuery' in extensions) return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}

/**
 * Apollo Server's GraphQL-over-HTTP error handling, for results the direct path formats itself:
 * each error gets a code (INTERNAL_SERVER_ERROR when it has none), its `http` hint sets the
 * status and is removed, and the router's formatter decides what the caller may see.
 */
function formatErrors(
  errors: readonly unknown[],
  format: ErrorFormatter,
): { formatted: GraphQLFormattedError[]; status: number | undefined } {
  let status: number | undefined;
  const formatted = errors.map((raw) => {
    const error =
      raw instanceof GraphQLError
        ? raw
        : new GraphQLError(raw instanceof Error ? raw.message : `Unexpected error value: ${String(raw)}`, {
            originalError: raw instanceof Error ? raw : undefined,
          });
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
    };
    const http = extensions.http as { status?: unknown } | undefined;
    if (http && typeof http === 'object') {
      if (typeof http.status === 'number') status = http.status;
      delete extensions.http;
    }
    try {
      return format({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { formatted, status };
}

/**
 * The router's direct path for the common request: a JSON POST of a query text it has already
 * parsed and validated (see PreparedDocuments). It runs the same steps Apollo Server's pipeline
 * would (policy, plan execution, error formatting, audit, the request's record) as plain calls,
 * and writes the same answer: same body, status, content type and `cache-control: no-store`.
 * Apollo Server's per-request machinery (plugin hooks, header maps, content negotiation, a second
 * hash of the query text) was the largest cost of a pass-through request.
 *
 * Anything else it declines (resolves `false`) before doing anything visible, and Apollo Server
 * answers: GET, other content types, persisted queries, parse or validation errors, ambiguous
 * operations, introspection, and operations only @apollo/gateway's executor runs (@defer,
 * subscriptions, plans with rewrites).
 */
export function directOperation(options: DirectOperationOptions) {
  const { documents, gateway, schema, formatError, observability, auditSink } = options;
  const mediaTypes = new BoundedCache<string, string | null>(100);
  const responseType = (accept: string | undefined): string | null => {
    if (!accept) return JSON_TYPE;
    return mediaTypes.getOrSet(accept, () => {
      const chosen = new Negotiator({ headers: { accept } }).mediaType([
        JSON_TYPE,
        GRAPHQL_RESPONSE_TYPE,
        CALLBACK_TYPE,
      ]);
      return chosen === JSON_TYPE || chosen === GRAPHQL_RESPONSE_TYPE ? chosen : null;
    });
  };

  return async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
    context: RouterContext,
  ): Promise<boolean> {
    if (req.method !== 'POST') return false;
    const contentType = req.headers['content-type'];
    if (!contentType || contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') return false;
    const type = responseType(req.headers.accept);
    if (!type) return false;
    const request = readRequest(body);
    if (!request) return false;
    const prepared = documents.prepare(request.query);
    if (!prepared || prepared.introspection) return false;
    const operation = operationToRun(prepared, request.operationName);
    if (!operation || operation.operation === 'subscription') return false;

    const startedAt = Date.now();
    const http = { status: undefined as number | undefined, headers: new HeaderMap() };
    const rc = {
      request: {
        query: request.query,
        operationName: request.operationName,
        variables: request.variables,
        extensions: request.extensions,
      },
      response: { http },
      logger: console,
      schema,
      schemaHash: '',
      context,
      cache: undefined,
      queryHash: prepared.queryHash,
      document: prepared.document,
      source: request.query,
      operationName: operation.name?.value ?? null,
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    } as unknown as GatewayGraphQLRequestContext<RouterContext>;

    let result: GatewayExecutionResult | undefined;
    try {
      result = await gateway.executeOwn(rc);
      if (!result) return false;
    } catch (error) {
      result = { errors: [error as GraphQLError] };
      http.status ??= 500;
    }

    let errors: GraphQLFormattedError[] | undefined;
    if (result.errors) {
      const formatted = formatErrors(result.errors, formatError);
      errors = formatted.formatted;
      if (formatted.status) http.status = formatted.status;
      // As Apollo Server: errors and no data at all is a request error.
      if (errors.length && result.data === undefined && !http.status) http.status = 400;
    }
    const single = { errors, data: result.data, extensions: result.extensions };
    if (auditSink) {
      const refusal = await auditOperation(
        auditSink,
        context,
        { name: rc.operationName, documentHash: prepared.queryHash, startedAt },
        single,
      );
      if (refusal) {
        single.data = null;
        single.errors = [refusal];
        http.status = 503;
      }
    }
    if (context.record) {
      observability.answered(
        context.record,
        rc.operationName ?? ANONYMOUS_OPERATION,
        single,
        context.subgraphsCalled,
      );
    }
    const bytes = jsonBytes(single, '\n');
    res.writeHead(http.status ?? 200, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-length': bytes.length,
    });
    res.end(bytes);
    return true;
  };
}
