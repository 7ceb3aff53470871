import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { formatError } from '../errors/format-error';
import { jsonBytes } from './json-bytes';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  // Encoded once, and a large body in pieces (see jsonBytes).
  const bytes = jsonBytes(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
    ...headers,
  });
  res.end(bytes);
}

/** A request-level failure in GraphQL-over-HTTP shape: `{ errors: [...] }` with the code's status. */
export function sendGraphQLError(res: ServerResponse, error: GraphQLError) {
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
  sendJson(res, status, { errors: [formatError(error.toJSON(), error)] });
}
