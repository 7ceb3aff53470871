import type { Child } from './ipc';
import { type RequestSpec, quantile, runLoad } from './load';
import type { MeterReading } from './meter';
import type { SubgraphTotals } from './serve-subgraphs';

/** How long and how hard each cell runs. */
export interface Settings {
  readonly name: 'quick' | 'full' | 'test';
  /** Each cell is run this many times, targets alternating (ABBA order), and the figures summed. */
  readonly rounds: number;
  /**
   * Cells of targets measured together (`compareTogether`). Their difference is a few per cent of
   * either, and one cell's garbage collections moved it by as much: three paired cells gave 2–11%
   * for one build, and eight still 5.4–8.6% (11.6% counting the audit copier), so the full run
   * takes twelve, six on each pair of processes.
   */
  readonly togetherRounds: number;
  readonly warmMs: number;
  readonly warmRequests: number;
  readonly cellMs: number;
  readonly cellRequests: number;
  readonly concurrency: number;
  /** List sweep sizes. */
  readonly sweep: readonly number[];
}

export const SETTINGS: Record<Settings['name'], Settings> = {
  quick: {
    name: 'quick',
    rounds: 2,
    togetherRounds: 2,
    warmMs: 150,
    warmRequests: Infinity,
    cellMs: 500,
    cellRequests: Infinity,
    // Fewer connections than the full run: a closed loop drains for one latency after each cell.
    concurrency: 4,
    // Two sizes give the slope; the full run adds the middle one.
    sweep: [10, 1000],
  },
  full: {
    name: 'full',
    rounds: 3,
    togetherRounds: 12,
    warmMs: 1000,
    warmRequests: Infinity,
    cellMs: 6000,
    cellRequests: Infinity,
    concurrency: 32,
    sweep: [10, 100, 1000],
  },
  test: {
    name: 'test',
    rounds: 1,
    // Two: one on each pair of processes (see compareTogether).
    togetherRounds: 2,
    warmMs: Infinity,
    warmRequests: 2,
    cellMs: Infinity,
    cellRequests: 4,
    // One at a time: no two operations overlap, so counts are per operation whether or not a
    // router shares identical calls in flight (UR_SHARE_SUBGRAPH_CALLS), and the same every run.
    concurrency: 1,
    sweep: [10, 100],
  },
};

/** A server under measurement and where its subgraph traffic is counted. */
export interface Target {
  /**
   * `bare`: our router with permissions and audit off (national workload only); `unshared`: our
   * router making every subgraph call itself, none shared with identical calls in flight
   * (federation workloads: the per-operation cost that sharing hides under a uniform load).
   */
  readonly key: 'ours' | 'bare' | 'unshared' | 'gateway' | 'direct';
  readonly label: string;
  readonly url: string;
  /** The process whose CPU and memory are measured (the router, or the subgraph measured straight). */
  readonly meter: Child;
  /** The process hosting the subgraphs whose counters this target's traffic moves. */
  readonly subgraphs: Child;
}

/** One row of a table: a target's figures summed over every round of a cell. */
export interface Row {
  readonly target: Target['key'];
  readonly label: string;
  readonly requests: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Measured process CPU (user + system, all threads) per request, ms. */
  readonly cpuMsPerReq: number;
  /** Share of one core the measured process used while loaded (1 = a full core). */
  readonly coreShare: number;
  readonly peakRssMb: number;
  readonly subgraphReqPerOp: number;
  readonly entityReqPerOp: number;
  readonly repsPerOp: number;
  readonly sqlPerOp: number;
  /**
   * SQL statements the measured process sent itself, per request (our router: client registry
   * reads and audit writes, to its platform database).
   */
  readonly ownSqlPerOp: number;
  /** Our router's audit copier process (a child of the router), when it runs one: CPU per request and peak RSS. */
  readonly companion?: { readonly cpuMsPerReq: number; readonly peakRssMb: number };
}

interface Totals {
  count: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  cpuMicros: number;
  peakRss: number;
  ownSql: number;
  latencies: number[];
  sub: SubgraphTotals;
  companion?: { cpuMicros: number; peakRss: number };
}

function emptyTotals(): Totals {
  return {
    count: 0,
    errors: 0,
    elapsedMs: 0,
    cpuMicros: 0,
    peakRss: 0,
    ownSql: 0,
    latencies: [],
    sub: { requests: 0, entityRequests: 0, representations: 0, sql: 0 },
  };
}

async function measureCell(
  target: Target,
  mix: readonly RequestSpec[],
  settings: Settings,
  into: Totals,
  ratePerSec: number | undefined,
): Promise<void> {
  const base = { url: target.url, mix, concurrency: settings.concurrency, ratePerSec };
  await runLoad({ ...base, durationMs: settings.warmMs, maxRequests: settings.warmRequests });
  const before = await target.subgraphs.request<SubgraphTotals>('stats');
  await target.meter.request('begin');
  const load = await runLoad({ ...base, durationMs: settings.cellMs, maxRequests: settings.cellRequests });
  const reading = await target.meter.request<MeterReading>('end');
  const after = await target.subgraphs.request<SubgraphTotals>('stats');
  into.count += load.count;
  into.errors += load.errors;
  into.firstError ??= load.firstError;
  into.elapsedMs += load.elapsedMs;
  into.cpuMicros += reading.cpuMicros;
  into.ownSql += reading.ownSql;
  into.peakRss = Math.max(into.peakRss, reading.peakRss);
  if (reading.companion) {
    into.companion ??= { cpuMicros: 0, peakRss: 0 };
    into.companion.cpuMicros += reading.companion.cpuMicros;
    into.companion.peakRss = Math.max(into.companion.peakRss, reading.companion.peakRss);
  }
  for (const latency of load.latenciesMs) into.latencies.push(latency);
  into.sub.requests += after.requests - before.requests;
  into.sub.entityRequests += after.entityRequests - before.entityRequests;
  into.sub.representations += after.representations - before.representations;
  into.sub.sql += after.sql - before.sql;
}

function rowOf(target: Target, t: Totals): Row {
  const sorted = t.latencies.sort((a, b) => a - b);
  const per = (n: number) => (t.count ? n / t.count : Number.NaN);
  return {
    target: target.key,
    label: target.label,
    requests: t.count,
    errors: t.errors,
    firstError: t.firstError,
    reqPerSec: t.elapsedMs ? t.count / (t.elapsedMs / 1000) : Number.NaN,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    cpuMsPerReq: per(t.cpuMicros / 1000),
    coreShare: t.elapsedMs ? t.cpuMicros / 1000 / t.elapsedMs : Number.NaN,
    peakRssMb: t.peakRss / (1024 * 1024),
    subgraphReqPerOp: per(t.sub.requests),
    entityReqPerOp: per(t.sub.entityRequests),
    repsPerOp: per(t.sub.representations),
    sqlPerOp: per(t.sub.sql),
    ownSqlPerOp: per(t.ownSql),
    ...(t.companion
      ? {
          companion: {
            cpuMsPerReq: per(t.companion.cpuMicros / 1000),
            peakRssMb: t.companion.peakRss / (1024 * 1024),
          },
        }
      : {}),
  };
}

/**
 * Runs one cell (the same request mix) against every target, `settings.rounds` times, in ABBA
 * order so that drift (thermal, GC, the OS) falls on all targets alike. Returns one row per target.
 */
export async function compareTargets(
  targets: readonly Target[],
  mix: readonly RequestSpec[],
  settings: Settings,
  onProgress: (message: string) => void = () => undefined,
): Promise<Row[]> {
  const totals = new Map(targets.map((t) => [t.key, emptyTotals()]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      onProgress(`round ${round + 1}/${settings.rounds}: ${target.label}`);
      await measureCell(target, mix, settings, totals.get(target.key) as Totals, undefined);
    }
  }
  return targets.map((t) => rowOf(t, totals.get(t.key) as Totals));
}

/**
 * Like compareTargets, but each round measures every target at the same time, each under its own
 * open loop at `ratePerSec`. This machine's speed drifts by tens of per cent within minutes, and
 * targets measured in turn (even in ABBA order) differed by more than what the comparison is for;
 * measured over the same seconds, on the same core, they meet the same machine.
 *
 * The rounds are shared out between `sessions`, each starting the targets' processes afresh (the
 * one before it is done with): two processes of one configuration differ by themselves. In A/A
 * runs (the same router in both places) the one started and loaded first cost 1.5–7.1% more CPU
 * per request in four runs out of four (−1.7% and 1.6% with the other started first), as much as
 * the trust layer measured. With the load's order alternating by round and a second session
 * started the other way round, A/A runs read 1.4–2.1%.
 */
export async function compareTogether(
  sessions: readonly (() => Promise<readonly Target[]>)[],
  mix: readonly RequestSpec[],
  settings: Settings,
  ratePerSec: number,
  onProgress: (message: string) => void = () => undefined,
): Promise<Row[]> {
  const totals = new Map<Target['key'], Totals>();
  let first: readonly Target[] = [];
  let round = 0;
  for (const [i, session] of sessions.entries()) {
    const rounds = Math.ceil((settings.togetherRounds * (i + 1)) / sessions.length) - round;
    if (rounds <= 0) continue;
    const targets = await session();
    if (!first.length) first = targets;
    for (const t of targets) if (!totals.has(t.key)) totals.set(t.key, emptyTotals());
    for (const end = round + rounds; round < end; round++) {
      onProgress(
        `round ${round + 1}/${settings.togetherRounds}: ${targets.map((t) => t.label).join(' and ')} together` +
          (sessions.length > 1 ? ` (processes ${i + 1}/${sessions.length})` : ''),
      );
      // The target whose load starts first sends first in every tick of the open loops: the
      // order alternates by round, so that neither target has that place throughout.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      await Promise.all(
        order.map((t) => measureCell(t, mix, settings, totals.get(t.key) as Totals, ratePerSec)),
      );
    }
  }
  // The targets share their subgraphs, so each one's cells counted every target's subgraph
  // traffic. Each gets the share of it that its requests are (exact when, as here, they run the
  // same plans).
  const all = [...totals.values()];
  const requests = all.reduce((n, t) => n + t.count, 0);
  const keys = ['requests', 'entityRequests', 'representations', 'sql'] as const;
  const combined = Object.fromEntries(
    keys.map((k) => [k, all.reduce((n, t) => n + t.sub[k], 0) / all.length]),
  ) as Record<(typeof keys)[number], number>;
  for (const t of all) {
    for (const k of keys) t.sub[k] = requests ? (combined[k] * t.count) / requests : 0;
  }
  return first.map((t) => rowOf(t, totals.get(t.key) as Totals));
}

/** One request through a target, with the subgraph counts it moved (probe and per-query counts). */
export async function countOne(
  target: Target,
  spec: RequestSpec,
): Promise<{ status: number; body: unknown; sub: SubgraphTotals }> {
  const before = await target.subgraphs.request<SubgraphTotals>('stats');
  const res = await fetch(target.url, { method: 'POST', headers: spec.headers, body: spec.body });
  const text = await res.text();
  const after = await target.subgraphs.request<SubgraphTotals>('stats');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: the caller reports it
  }
  return {
    status: res.status,
    body,
    sub: {
      requests: after.requests - before.requests,
      entityRequests: after.entityRequests - before.entityRequests,
      representations: after.representations - before.representations,
      sql: after.sql - before.sql,
    },
  };
}
