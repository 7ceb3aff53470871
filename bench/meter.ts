import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { IpcHandlers } from './ipc';

/** What a measured child reports for one cell: its own CPU time and its peak memory. */
export interface MeterReading {
  /** User + system CPU of the whole process (every thread) between `begin` and `end`, in µs. */
  readonly cpuMicros: number;
  /** Highest resident set size between `begin` and `end`, in bytes (the kernel's high-water mark). */
  readonly peakRss: number;
  /**
   * SQL statements the process itself sent between `begin` and `end` (our router: client registry
   * reads and audit writes).
   */
  readonly ownSql: number;
  /** The measured process's helper child (our router's audit copier), when it has one: its CPU (µs) and peak RSS. */
  readonly companion?: { readonly cpuMicros: number; readonly peakRss: number };
}

const SAMPLE_MS = 10;

/** Linux's clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = 100;

/**
 * Peak RSS from the kernel: /proc/self/status VmHWM, reset by writing 5 to /proc/self/clear_refs.
 * Exact and free, where sampling every 10 ms cost the measured process a few per cent of its CPU.
 * `undefined` where Linux's /proc is not available (then the meter samples).
 */
const highWaterMark = {
  reset(pid: number | 'self' = 'self'): boolean {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      return highWaterMark.read(pid) !== undefined;
    } catch {
      return false;
    }
  },
  read(pid: number | 'self' = 'self'): number | undefined {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  },
};

/** User + system CPU of another process so far, µs (to the kernel's tick, 10 ms), from /proc/<pid>/stat. */
function cpuOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * A full garbage collection, run before each measured cell. Otherwise whichever cell happens to
 * meet the old generation's next collection pays for garbage the one before it left: at the
 * national workload's 20% load a cell's router CPU is about 1.3 s, and one major collection moved
 * it by several per cent, as much as the trust layer's whole share. The flag only exposes `gc`.
 */
function fullCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * BENCH_PROFILE=<dir>: each measured cell's CPU profile, of the measured window only (start-up
 * and warm-up left out), written as <dir>/<pid>-<n>.cpuprofile for Chrome's DevTools.
 */
function cellProfiler(dir: string | undefined) {
  if (!dir) return { start: () => undefined, stop: () => undefined };
  const session = new Session();
  session.connect();
  let n = 0;
  return {
    start() {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    },
    stop() {
      session.post('Profiler.stop', (error, result) => {
        if (!error)
          writeFileSync(join(dir, `${process.pid}-${++n}.cpuprofile`), JSON.stringify(result.profile));
      });
    },
  };
}

/**
 * `begin` / `end` handlers for a child under measurement. Measured from inside the child, so
 * the figures are the child's alone: the load generator and the subgraphs live elsewhere.
 * `settle` finishes work that requests leave behind them (our router's audit journal copies into
 * the database a little later): run before a cell, so the warm-up's is not counted, and at its
 * end, so the cell's is.
 */
export function meterHandlers(
  sqlCount: () => number = () => 0,
  settle: () => Promise<void> = async () => undefined,
  /** The pid of a child doing the measured process's work elsewhere (our router's audit copier). */
  companion: () => number | undefined = () => undefined,
): IpcHandlers {
  let start: NodeJS.CpuUsage | undefined;
  let companionStart: number | undefined;
  let sqlAtStart = 0;
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  const profiler = cellProfiler(process.env.BENCH_PROFILE);
  const collect = fullCollector();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  return {
    async begin() {
      await settle();
      collect();
      peak = 0;
      sample();
      clearInterval(timer);
      timer = highWaterMark.reset() ? undefined : setInterval(sample, SAMPLE_MS);
      sqlAtStart = sqlCount();
      const pid = companion();
      if (pid) highWaterMark.reset(pid);
      companionStart = pid ? cpuOf(pid) : undefined;
      profiler.start();
      start = process.cpuUsage();
      return null;
    },
    async end(): Promise<MeterReading> {
      await settle();
      const cpu = process.cpuUsage(start);
      profiler.stop();
      clearInterval(timer);
      timer = undefined;
      sample();
      peak = Math.max(peak, highWaterMark.read() ?? 0);
      const pid = companion();
      const companionCpu = pid && companionStart !== undefined ? cpuOf(pid) : undefined;
      return {
        cpuMicros: cpu.user + cpu.system,
        peakRss: peak,
        ownSql: sqlCount() - sqlAtStart,
        ...(pid && companionCpu !== undefined && companionStart !== undefined
          ? { companion: { cpuMicros: companionCpu - companionStart, peakRss: highWaterMark.read(pid) ?? 0 } }
          : {}),
      };
    },
    /**
     * The process's memory now. With `{ gc: true }` a full garbage collection runs first (the
     * child must have been started with `--expose-gc`); otherwise nothing is forced.
     */
    async memory(payload): Promise<NodeJS.MemoryUsage> {
      if ((payload as { gc?: boolean } | null | undefined)?.gc) {
        if (!global.gc) throw new Error('memory { gc: true } needs the child started with --expose-gc');
        // Twice: objects freed by the first pass's finalizers (weak references) go in the second.
        global.gc();
        global.gc();
      }
      return process.memoryUsage();
    },
  };
}
