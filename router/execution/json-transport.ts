import { Pool, type Dispatcher } from 'undici';

/** A subgraph's HTTP answer: its status and its body's text (parsed by each reader: see SharedFetches). */
export interface JsonAnswer {
  readonly status: number;
  readonly text: string;
}

/** The error a call ends with when the subgraph does not answer in time (`isTimeout` knows it). */
export class SubgraphTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Connections kept to one subgraph: more than the router ever has operations in flight. */
const CONNECTIONS = 256;

/**
 * POSTs JSON to one subgraph over pooled keep-alive connections with undici's dispatcher, the
 * lowest level of Node's own HTTP client. A router makes many small calls to few hosts; per call,
 * `node:http`'s agent and ClientRequest cost about 48 µs of CPU here and this 27 µs (a client on
 * its own core against a fixed answer), and fetch far more (WHATWG streams, Request/Response).
 */
export class JsonTransport {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    url: string,
    private readonly timeoutMs: number,
  ) {
    const parsed = new URL(url);
    this.path = parsed.pathname + parsed.search;
    // Undici's own timers stay off: the deadline below covers headers and body together.
    this.pool = new Pool(parsed.origin, { connections: CONNECTIONS, headersTimeout: 0, bodyTimeout: 0 });
  }

  post(body: string, headers: Record<string, string>): Promise<JsonAnswer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let status = 0;
      let controller: Dispatcher.DispatchController | undefined;
      let timedOut: SubgraphTimeoutError | undefined;
      const timer = setTimeout(() => {
        timedOut = new SubgraphTimeoutError(`no answer within ${this.timeoutMs} ms`);
        // Not on a socket yet (every connection busy): it is aborted as soon as it gets one.
        controller?.abort(timedOut);
        reject(timedOut);
      }, this.timeoutMs);
      this.pool.dispatch(
        {
          path: this.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
          body,
        },
        {
          onRequestStart(c) {
            controller = c;
            if (timedOut) c.abort(timedOut);
          },
          onResponseStart(_c, statusCode) {
            status = statusCode;
          },
          onResponseData(_c, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            clearTimeout(timer);
            const text =
              chunks.length === 1
                ? (chunks[0] as Buffer).toString('utf8')
                : Buffer.concat(chunks).toString('utf8');
            resolve({ status, text });
          },
          onResponseError(_c, error) {
            clearTimeout(timer);
            reject(timedOut ?? error);
          },
        },
      );
    });
  }

  close(): void {
    void this.pool.destroy();
  }
}
