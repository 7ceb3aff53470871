import 'reflect-metadata';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createContext, requestSpec } from './context';
import { ROUTER_NODE_FLAGS } from '../router/node-flags';
import { Stack } from './federation-bench';
import { type CpuLayout, cpuLayout, pinSelf } from './ipc';
import { quantile, type RequestSpec, runLoad, send } from './load';
import { countOne, SETTINGS, type Target } from './measure';
import { findCitizen, ourRouterOptions, problem, startNationalSubgraphs } from './national-bench';
import { NATIONAL_QUERIES, type NationalQuery, withCitizen } from './national-workload';

/**
 * The soak test: the national workload (six ministry subgraphs with demo data, our router with
 * audit on, the demo clients' queries round-robin) under a steady open-loop rate for a bounded
 * time on loopback. It fails on any lost request, any error, or a router heap that grew.
 */

export const SOAK_DEFAULTS = {
  rate: 100,
  minutes: 5,
  /** `--quick`: for development. */
  quickSeconds: 30,
  /** A request unanswered by then is lost. */
  deadlineMs: 10_000,
  reportEverySeconds: 10,
  /** Warm-up before the first heap measurement: the mix this many times, closed loop. */
  warmupRounds: 50,
};

/** The router's heap after a forced GC may grow this much from start to end, not both limits more. */
export const HEAP_GROWTH_LIMIT = { ratio: 0.2, bytes: 20 * 1024 * 1024 };

/** Drift compares the first and the last this-long of the run (a fifth of a shorter run). */
const DRIFT_SEGMENT_S = 60;
/** Platform tokens last an hour: the mix gets fresh ones this often. */
const TOKEN_REFRESH_MS = 20 * 60_000;
const MEMORY_TIMEOUT_MS = 30_000;

export interface SoakOptions {
  readonly seconds: number;
  /** Requests a second, sent on schedule whatever the answers do (open loop). */
  readonly rate: number;
  readonly deadlineMs?: number;
  readonly reportEverySeconds?: number;
  readonly warmupRounds?: number;
  /** Default: nothing pinned. */
  readonly layout?: CpuLayout;
  /** Start-up steps; default silent. */
  readonly log?: (message: string) => void;
  /** Each periodic window, as it closes (and a last one after every answer is in). */
  readonly onWindow?: (window: SoakWindow) => void;
  /** The children are started on this stack (a caller's ^C handler or watchdog can stop them); always stopped at the end. */
  readonly stack?: Stack;
}

/** One periodic line: counts so far, latency of the answers in the window, the router's memory now. */
export interface SoakWindow {
  readonly elapsedS: number;
  readonly sent: number;
  readonly answered: number;
  readonly lost: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Undefined when the router did not say in time. */
  readonly rssBytes?: number;
  readonly heapUsedBytes?: number;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface SoakReport {
  readonly seconds: number;
  readonly rate: number;
  readonly deadlineMs: number;
  readonly queries: readonly string[];
  readonly skipped: readonly string[];
  readonly sent: number;
  /** Got an HTTP answer (errors included). */
  readonly answered: number;
  /** No HTTP answer: connection error or past the deadline. */
  readonly lost: number;
  /** Answered, but not 200, or with GraphQL errors, or without data. */
  readonly errors: number;
  readonly firstLost?: string;
  readonly firstError?: string;
  readonly errorRate: number;
  /** Latest the load generator sent a request after its scheduled time, ms. */
  readonly maxSendLagMs: number;
  /** Latency of the requests scheduled in the first and in the last segment of the run. */
  readonly drift: {
    readonly segmentS: number;
    readonly first: LatencySummary;
    readonly last: LatencySummary;
  };
  /** The router's heapUsed after a forced GC, after warm-up and after the run. */
  readonly heap: { readonly startBytes: number; readonly endBytes: number; readonly growthBytes: number };
  readonly rss: { readonly startBytes: number; readonly endBytes: number };
  readonly windows: readonly SoakWindow[];
  /** Why the soak failed; empty when it passed. */
  readonly failures: readonly string[];
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = latencies.sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99) };
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / (1024 * 1024)).toFixed(1));
const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
const pct = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

export function formatWindow(w: SoakWindow): string {
  return (
    `[soak ${String(Math.round(w.elapsedS)).padStart(4)}s] sent ${w.sent}  answered ${w.answered}  lost ${w.lost}  ` +
    `errors ${w.errors} | window p50 ${ms(w.p50Ms)} ms  p99 ${ms(w.p99Ms)} ms | ` +
    `router rss ${mb(w.rssBytes)} MB  heapUsed ${mb(w.heapUsedBytes)} MB`
  );
}

/** Why a run fails: lost requests, errors, or router heap growth beyond both limits. */
export function verdict(r: Omit<SoakReport, 'failures'>): string[] {
  const failures: string[] = [];
  if (r.lost > 0)
    failures.push(
      `${r.lost} of ${r.sent} requests lost (no answer within ${r.deadlineMs / 1000}s, or a connection error); first: ${r.firstLost}`,
    );
  if (r.errors > 0)
    failures.push(
      `${r.errors} of ${r.answered} answers were errors (${(r.errorRate * 100).toFixed(3)}%); first: ${r.firstError}`,
    );
  const { startBytes, endBytes, growthBytes } = r.heap;
  if (growthBytes > HEAP_GROWTH_LIMIT.bytes && growthBytes > HEAP_GROWTH_LIMIT.ratio * startBytes)
    failures.push(
      `router heap after GC grew from ${mb(startBytes)} MB to ${mb(endBytes)} MB (${pct(growthBytes / startBytes)}): ` +
        `more than ${HEAP_GROWTH_LIMIT.ratio * 100}% and ${mb(HEAP_GROWTH_LIMIT.bytes)} MB`,
    );
  return failures;
}

export function formatSummary(r: SoakReport): string[] {
  const { first, last, segmentS } = r.drift;
  const change = (a: number, b: number) => `${ms(a)} → ${ms(b)} ms (${pct((b - a) / a)})`;
  return [
    `soak summary: ${r.seconds}s at ${r.rate} req/s, queries ${r.queries.join(', ')}` +
      (r.skipped.length ? `; skipped ${r.skipped.join('; ')}` : ''),
    `  requests: ${r.sent} sent, ${r.answered} answered, ${r.lost} lost, ${r.errors} errors ` +
      `(error rate ${(r.errorRate * 100).toFixed(3)}%); load generator at most ${ms(r.maxSendLagMs)} ms late`,
    `  latency drift, first vs last ${segmentS}s of the run: ` +
      `p50 ${change(first.p50Ms, last.p50Ms)}, p99 ${change(first.p99Ms, last.p99Ms)}`,
    `  router memory: heapUsed after forced GC ${mb(r.heap.startBytes)} → ${mb(r.heap.endBytes)} MB ` +
      `(${r.heap.growthBytes >= 0 ? '+' : ''}${mb(r.heap.growthBytes)} MB, ${pct(r.heap.growthBytes / r.heap.startBytes)}; ` +
      `fails beyond ${pct(HEAP_GROWTH_LIMIT.ratio)} and ${mb(HEAP_GROWTH_LIMIT.bytes)} MB), rss ${mb(r.rss.startBytes)} → ${mb(r.rss.endBytes)} MB`,
  ];
}

/**
 * Starts the subgraphs and our router (with `--expose-gc`), warms up, then sends `rate` requests a
 * second for `seconds`, each abandoned after `deadlineMs`, and waits for every answer. Stops the
 * children before it returns or throws.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const deadlineMs = options.deadlineMs ?? SOAK_DEFAULTS.deadlineMs;
  const reportEveryMs = (options.reportEverySeconds ?? SOAK_DEFAULTS.reportEverySeconds) * 1000;
  const layout = options.layout ?? {
    pinned: false,
    measuredCores: '',
    otherCores: '',
    description: 'not pinned',
  };
  const log = options.log ?? (() => undefined);
  const stack = options.stack ?? new Stack();
  // The settings are the benchmark's cell settings: the soak does not use them.
  const ctx = await createContext(SETTINGS.test, layout, log, true);
  const agent = new Agent({ keepAlive: true });
  const timers: NodeJS.Timeout[] = [];
  try {
    log('starting the subgraphs (in-memory SQLite, demo data) and our router (audit on)');
    const subgraphs = await startNationalSubgraphs(ctx, stack);
    const router = await stack.start<{ url: string }>(
      'serve-router',
      layout.measuredCores,
      ourRouterOptions(ctx, subgraphs),
      ['--expose-gc', ...ROUTER_NODE_FLAGS],
    );
    const ours: Target = {
      key: 'ours',
      label: 'ours',
      url: router.started.url,
      meter: router.child,
      subgraphs: subgraphs.child,
    };
    const memory = (gc: boolean) =>
      within(router.child.request<NodeJS.MemoryUsage>('memory', { gc }), MEMORY_TIMEOUT_MS, 'router memory');

    // The mix: the queries our router answers without errors now (a first answer each).
    const citizen = await findCitizen(ctx, ours);
    const specOf = async (q: NationalQuery) =>
      requestSpec(q.name, q.query, withCitizen(q.variables, citizen), await ctx.headersFor(q.client));
    const kept: NationalQuery[] = [];
    const mix: RequestSpec[] = [];
    const skipped: string[] = [];
    for (const q of NATIONAL_QUERIES) {
      const spec = await specOf(q);
      const first = await countOne(ours, spec);
      const why = problem(first.status, first.body);
      if (why) skipped.push(`${q.name} (${why})`);
      else {
        kept.push(q);
        mix.push(spec);
      }
    }
    if (!mix.length) throw new Error(`no national query is answerable: ${skipped.join('; ')}`);
    const refresh = setInterval(() => {
      Promise.all(kept.map(specOf)).then(
        (fresh) => fresh.forEach((spec, i) => (mix[i] = spec)),
        (error: unknown) => log(`could not refresh the tokens: ${String(error)}`),
      );
    }, TOKEN_REFRESH_MS);
    timers.push(refresh);

    const warmupRounds = options.warmupRounds ?? SOAK_DEFAULTS.warmupRounds;
    log(`mix: ${kept.map((q) => q.name).join(', ')}; warming up (${warmupRounds * mix.length} requests)`);
    const warm = await runLoad({
      url: ours.url,
      mix,
      concurrency: 4,
      durationMs: Infinity,
      maxRequests: warmupRounds * mix.length,
    });
    if (warm.errors)
      throw new Error(`warm-up: ${warm.errors} of ${warm.count} failed; first: ${warm.firstError}`);
    const start = await memory(true);

    // Open loop: request i leaves at t0 + i / rate, whatever the earlier ones are doing.
    const url = new URL(ours.url);
    const total = Math.floor(options.seconds * options.rate);
    const intervalMs = 1000 / options.rate;
    const segmentMs = Math.min(DRIFT_SEGMENT_S * 1000, (options.seconds * 1000) / 5);
    let sent = 0;
    let answered = 0;
    let lost = 0;
    let errors = 0;
    let firstLost: string | undefined;
    let firstError: string | undefined;
    let maxSendLagMs = 0;
    let windowLatencies: number[] = [];
    const firstSegment: number[] = [];
    const lastSegment: number[] = [];
    const inFlight = new Set<Promise<void>>();
    const windows: SoakWindow[] = [];
    let reporting = Promise.resolve();

    const fire = (i: number, dueAt: number, t0: number) => {
      const spec = mix[i % mix.length] as RequestSpec;
      sent += 1;
      const sentAt = performance.now();
      const done = send(agent, url, spec, deadlineMs).then((answer) => {
        if (answer.status === 0) {
          lost += 1;
          firstLost ??= `${spec.label}: ${answer.body.toString('utf8', 0, 300)}`;
          return;
        }
        answered += 1;
        const latency = performance.now() - sentAt;
        windowLatencies.push(latency);
        const offset = dueAt - t0;
        if (offset < segmentMs) firstSegment.push(latency);
        if (offset >= options.seconds * 1000 - segmentMs) lastSegment.push(latency);
        let body: unknown;
        try {
          body = JSON.parse(answer.body.toString('utf8'));
        } catch {
          body = undefined;
        }
        const why = problem(answer.status, body);
        if (why) {
          errors += 1;
          firstError ??= `${spec.label}: ${why} ${answer.body.toString('utf8', 0, 300)}`;
        }
      });
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    };

    // Counts are taken when the window closes; the router's memory is asked for after.
    let lastClosed = '';
    const closeWindow = (t0: number, onlyIfChanged = false) => {
      const counts = { sent, answered, lost, errors };
      const key = JSON.stringify(counts);
      if (onlyIfChanged && key === lastClosed) return;
      lastClosed = key;
      const latency = summarize(windowLatencies);
      windowLatencies = [];
      const elapsedS = (performance.now() - t0) / 1000;
      reporting = reporting.then(async () => {
        const usage = await memory(false).catch(() => undefined);
        const w: SoakWindow = {
          elapsedS,
          ...counts,
          p50Ms: latency.p50Ms,
          p99Ms: latency.p99Ms,
          rssBytes: usage?.rss,
          heapUsedBytes: usage?.heapUsed,
        };
        windows.push(w);
        options.onWindow?.(w);
      });
    };

    log(
      `sending ${total} requests: ${options.rate} req/s for ${options.seconds}s, deadline ${deadlineMs / 1000}s each`,
    );
    const t0 = performance.now();
    const ticker = setInterval(() => closeWindow(t0), reportEveryMs);
    timers.push(ticker);
    await new Promise<void>((resolve) => {
      let i = 0;
      const tick = () => {
        const now = performance.now();
        while (i < total && t0 + i * intervalMs <= now) {
          const dueAt = t0 + i * intervalMs;
          maxSendLagMs = Math.max(maxSendLagMs, now - dueAt);
          fire(i, dueAt, t0);
          i += 1;
        }
        if (i >= total) resolve();
        else setTimeout(tick, Math.max(0, t0 + i * intervalMs - performance.now()));
      };
      tick();
    });
    // Every request ends by its deadline at the latest.
    while (inFlight.size) await Promise.all([...inFlight]);
    clearInterval(ticker);
    closeWindow(t0, true);
    await reporting;
    const end = await memory(true);

    const base = {
      seconds: options.seconds,
      rate: options.rate,
      deadlineMs,
      queries: kept.map((q) => q.name),
      skipped,
      sent,
      answered,
      lost,
      errors,
      firstLost,
      firstError,
      errorRate: answered ? errors / answered : 0,
      maxSendLagMs,
      drift: { segmentS: segmentMs / 1000, first: summarize(firstSegment), last: summarize(lastSegment) },
      heap: {
        startBytes: start.heapUsed,
        endBytes: end.heapUsed,
        growthBytes: end.heapUsed - start.heapUsed,
      },
      rss: { startBytes: start.rss, endBytes: end.rss },
      windows,
    };
    return { ...base, failures: verdict(base) };
  } finally {
    for (const timer of timers) clearInterval(timer);
    agent.destroy();
    await stack.stop();
  }
}

const USAGE = `usage: npm run soak -- [--rate <req/s>] [--minutes <m>] [--quick]`;

function parseArgs(argv: readonly string[]): { seconds: number; rate: number } {
  let rate = SOAK_DEFAULTS.rate;
  let seconds = SOAK_DEFAULTS.minutes * 60;
  const positive = (arg: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0)
      throw new Error(`${arg} needs a positive number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') seconds = SOAK_DEFAULTS.quickSeconds;
    else if (arg === '--rate') rate = positive(arg, argv[++i]);
    else if (arg === '--minutes') seconds = positive(arg, argv[++i]) * 60;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { seconds, rate };
}

async function main(): Promise<number> {
  const { seconds, rate } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const progress = (m: string) =>
    process.stderr.write(`[soak ${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}\n`);
  const stack = new Stack();
  // ^C or the watchdog: the children are stopped (killed if they do not go), then the process exits.
  const bail = (why: string, code: number) => {
    console.error(why);
    const exit = () => process.exit(code);
    setTimeout(exit, 8000).unref();
    stack.stop().then(exit, exit);
  };
  const budgetMs = 4 * 60_000 + seconds * 1000 + SOAK_DEFAULTS.deadlineMs;
  setTimeout(
    () => bail(`soak: still running after ${Math.round(budgetMs / 1000)}s; giving up (children stopped)`, 2),
    budgetMs,
  ).unref();
  process.once('SIGINT', () => {
    process.once('SIGINT', () => process.exit(130));
    bail('soak: interrupted; stopping the children', 130);
  });

  const layout = cpuLayout();
  if (layout.pinned) pinSelf(layout.otherCores);
  console.log(
    `Ur National Graph soak: ${rate} req/s for ${seconds}s, open loop on 127.0.0.1, national workload through our router (audit on)`,
  );
  console.log(`cpu: ${layout.description}`);
  const report = await runSoak({
    seconds,
    rate,
    layout,
    stack,
    log: progress,
    onWindow: (w) => console.log(formatWindow(w)),
  });
  console.log(formatSummary(report).join('\n'));
  if (report.failures.length) {
    console.error(['soak FAILED:', ...report.failures.map((f) => `  - ${f}`)].join('\n'));
    return 1;
  }
  console.log('soak passed');
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('soak failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
