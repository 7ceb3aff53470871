import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { formatError } from '../errors/format-error';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A request-level failure in GraphQL-over-HTTP shape: `{ errors: [...] }` with the code's status. */
export function sendGraphQLError(res: ServerResponse, error: GraphQLError) {
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
  sendJson(res, status, { errors: [formatError(error.toJSON(), error)] });
}
