import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { RawConnection, requestBytes } from './raw-http';

/** One kind of request in a cell's mix: a prepared JSON body and its headers. */
export interface RequestSpec {
  readonly label: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadOptions {
  /** GraphQL endpoint on 127.0.0.1. */
  readonly url: string;
  /** Sent round-robin. */
  readonly mix: readonly RequestSpec[];
  readonly concurrency: number;
  /** Stop starting requests after this long (ms)… */
  readonly durationMs: number;
  /** …or after this many requests, whichever comes first. */
  readonly maxRequests: number;
  /**
   * Open loop: start a request every 1/rate seconds whatever the answers do (latency counted from
   * when it was due), instead of `concurrency` workers each waiting for its last answer.
   */
  readonly ratePerSec?: number;
}

export interface LoadResult {
  /** Requests completed (in-flight ones are awaited, so the router's CPU covers exactly these). */
  readonly count: number;
  /** Answers that were not 200, or carried GraphQL `errors`, or a connection failure. */
  readonly errors: number;
  readonly firstError?: string;
  readonly elapsedMs: number;
  /** Per-request latency, ms, in completion order. */
  readonly latenciesMs: number[];
}

/** What one request came to: the status (0: the connection failed or timed out) and the body, de-chunked. */
export interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * A keep-alive HTTP/1.1 client: one agent per cell, `concurrency` connections. With `deadlineMs`,
 * a request still unanswered by then is abandoned (its connection destroyed) and answers status 0.
 */
export function send(agent: Agent, url: URL, spec: RequestSpec, deadlineMs?: number): Promise<Answer> {
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    const resolve = (answer: Answer) => {
      clearTimeout(timer);
      done(answer);
    };
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...spec.headers, 'content-length': spec.body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (error) => resolve({ status: 0, body: Buffer.from(String(error)) }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: Buffer.from(String(error)) }));
    if (deadlineMs !== undefined) {
      timer = setTimeout(() => {
        resolve({ status: 0, body: Buffer.from(`no answer within ${deadlineMs} ms`) });
        req.destroy();
      }, deadlineMs);
    }
    req.end(spec.body);
  });
}

const ERRORS_KEY = Buffer.from('"errors"');

/** Whether an answer failed: not 200, or a GraphQL error anywhere in it (cheap byte search). */
export function failed(answer: Answer): boolean {
  return answer.status !== 200 || answer.body.includes(ERRORS_KEY);
}

/** `size` raw keep-alive connections; a request waits for a free one (the open loop can run ahead). */
class RawPool {
  private readonly idle: RawConnection[];
  private readonly waiting: ((connection: RawConnection) => void)[] = [];
  private readonly all: RawConnection[];

  constructor(url: URL, size: number) {
    const port = Number(url.port || 80);
    this.all = Array.from({ length: size }, () => new RawConnection(url.hostname, port));
    this.idle = [...this.all];
  }

  async request(bytes: Buffer): Promise<Answer> {
    const connection = this.idle.pop() ?? (await new Promise<RawConnection>((r) => this.waiting.push(r)));
    try {
      return await connection.request(bytes);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  close(): void {
    for (const connection of this.all) connection.close();
  }
}

/** The cell's requests as wire bytes, in mix order. */
function wireMix(url: URL, mix: readonly RequestSpec[]): Buffer[] {
  return mix.map((spec) => requestBytes(url, spec.headers, spec.body));
}

/**
 * Closed-loop load: `concurrency` workers, each sending its next request as soon as the last
 * one answered, until the time or the request budget is spent. Bounded and loopback only.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.ratePerSec) return runPaced(options, options.ratePerSec);
  const url = new URL(options.url);
  const pool = new RawPool(url, options.concurrency);
  const wire = wireMix(url, options.mix);
  const latenciesMs: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + options.durationMs;
  const worker = async () => {
    while (started < options.maxRequests && performance.now() < deadline) {
      const i = started % options.mix.length;
      started += 1;
      const sentAt = performance.now();
      const answer = await pool.request(wire[i] as Buffer);
      latenciesMs.push(performance.now() - sentAt);
      if (failed(answer)) {
        errors += 1;
        firstError ??= errorOf(options.mix[i] as RequestSpec, answer);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - t0;
  pool.close();
  return { count: latenciesMs.length, errors, firstError, elapsedMs, latenciesMs };
}

function errorOf(spec: RequestSpec, answer: Answer): string {
  return `${spec.label}: HTTP ${answer.status} ${answer.body.toString('utf8', 0, 300)}`;
}

/**
 * Open-loop load at a steady rate: two servers given the same rate do the same work per second,
 * so their CPU per request compares like for like (a closed loop runs each as fast as it goes,
 * and a server's CPU per request moves with its rate).
 */
async function runPaced(options: LoadOptions, ratePerSec: number): Promise<LoadResult> {
  const url = new URL(options.url);
  const pool = new RawPool(url, options.concurrency);
  const wire = wireMix(url, options.mix);
  const latenciesMs: number[] = [];
  const answers: Promise<void>[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const interval = 1000 / ratePerSec;
  const t0 = performance.now();
  for (let i = 0; i < options.maxRequests; i++) {
    const due = t0 + i * interval;
    if (due - t0 >= options.durationMs) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = i % options.mix.length;
    answers.push(
      pool.request(wire[at] as Buffer).then((answer) => {
        latenciesMs.push(performance.now() - due);
        if (failed(answer)) {
          errors += 1;
          firstError ??= errorOf(options.mix[at] as RequestSpec, answer);
        }
      }),
    );
  }
  await Promise.all(answers);
  const elapsedMs = performance.now() - t0;
  pool.close();
  return { count: latenciesMs.length, errors, firstError, elapsedMs, latenciesMs };
}

/** The q-quantile (0–1) of a sorted array, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
