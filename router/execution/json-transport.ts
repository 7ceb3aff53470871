import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A subgraph's HTTP answer: its status and its body's text (parsed by each reader: see SharedFetches). */
export interface JsonAnswer {
  readonly status: number;
  readonly text: string;
  readonly headers: IncomingHttpHeaders;
}

/** The error a call ends with when the subgraph does not answer in time (`isTimeout` knows it). */
export class SubgraphTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs JSON to one subgraph over pooled keep-alive connections with node:http. A router makes
 * many small calls to few hosts: a plain agent does per call a fraction of the work of fetch
 * (WHATWG streams, Request/Response objects), which the benchmark showed to be the largest
 * single cost of a federated request.
 */
export class JsonTransport {
  private readonly url: URL;
  private readonly agent: Agent;
  private readonly send: typeof request;

  constructor(
    url: string,
    private readonly timeoutMs: number,
  ) {
    this.url = new URL(url);
    const secure = this.url.protocol === 'https:';
    const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 256, scheduling: 'lifo' as const };
    this.agent = secure ? new HttpsAgent(options) : new Agent(options);
    this.send = secure ? httpsRequest : request;
  }

  post(body: string, headers: Record<string, string>): Promise<JsonAnswer> {
    return new Promise((resolve, reject) => {
      const req = this.send(
        {
          agent: this.agent,
          protocol: this.url.protocol,
          hostname: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname + this.url.search,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', fail);
          res.on('end', () => {
            clearTimeout(timer);
            const text =
              chunks.length === 1
                ? (chunks[0] as Buffer).toString('utf8')
                : Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, text, headers: res.headers });
          });
        },
      );
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      const timer = setTimeout(
        () => req.destroy(new SubgraphTimeoutError(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      req.on('error', fail);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
