import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';

/**
 * Runs one HTTP request through Apollo Server without a web framework: Apollo's own
 * `executeHTTPGraphQLRequest` does the GraphQL-over-HTTP work; this only moves bytes.
 */
export async function runApollo<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  context: () => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let parsed: unknown = body;
  if (req.method === 'POST' && (headers.get('content-type') ?? '').toLowerCase().includes('json')) {
    try {
      parsed = body === '' ? {} : JSON.parse(body);
    } catch {
      parsed = body; // Apollo answers 400 "POST body is not valid JSON" itself.
    }
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
    context,
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}
