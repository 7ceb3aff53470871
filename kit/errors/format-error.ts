import type { GraphQLFormattedError } from 'graphql';
import { hasCataloguedCode } from './ur-error';

/** Codes Apollo Server itself uses for request-level failures; their messages are safe to show. */
const APOLLO_SAFE = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo Server `formatError`: keeps catalogued errors (minus the internal `http` hint and any
 * stack), and replaces everything else with a bare INTERNAL_SERVER_ERROR so that no SQL, stack
 * trace or driver message reaches a caller.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const safe =
    code !== 'INTERNAL_SERVER_ERROR' && (hasCataloguedCode(formatted) || APOLLO_SAFE.has(String(code)));
  if (safe) {
    const {
      http: _http,
      stacktrace: _stack,
      exception: _exception,
      ...extensions
    } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo Server's own request errors without a code (a persisted query's hash not matching its
  // text) carry a 4xx status: they describe the request, so their words are kept.
  const raw = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = raw?.http?.status;
  if (raw?.code === undefined && typeof status === 'number' && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  console.error('internal error', error);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
