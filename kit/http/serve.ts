import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { sendGraphQLError, sendJson } from './send';
import { urError } from '../errors/ur-error';
import { releaseAsyncContexts } from '../runtime/async-context';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Listening {
  readonly server: Server;
  readonly port: number;
  /** Base URL, e.g. http://127.0.0.1:4001 */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `routes` (exact path → handler). Unknown paths answer 404; a handler that throws a
 * GraphQLError answers it in GraphQL-over-HTTP shape, anything else a bare 500.
 */
export function serve(routes: Record<string, Handler>, port: number, host: string): Promise<Listening> {
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      // Idle: no ORM scope can be live, so async context tracking can be switched off again.
      if (--inFlight === 0) releaseAsyncContexts();
    });
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes[path];
    if (!handler) {
      sendJson(res, 404, { errors: [{ message: `No route ${path}`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    handler(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendGraphQLError(
        res,
        error instanceof GraphQLError ? error : urError('INTERNAL_SERVER_ERROR', 'Internal server error'),
      );
      if (!(error instanceof GraphQLError)) console.error('unhandled request error', error);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      releaseAsyncContexts(); // what start-up (migrations, seeding) switched on
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
