import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';

/** A request from the benchmark to one of its child processes, and the child's answer. */
interface IpcRequest {
  readonly id: number;
  readonly type: string;
  readonly payload?: unknown;
}
type IpcAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type IpcHandlers = Record<string, (payload: unknown) => Promise<unknown>>;

/**
 * The child's side: answers the parent's requests with `handlers`, and exits when the parent
 * goes away (a benchmark stopped by ^C leaves nothing running).
 */
export function answerParent(
  handlers: IpcHandlers,
  cleanup: () => Promise<void> = async () => undefined,
): void {
  if (!process.send) throw new Error('a benchmark child must be started by the benchmark (no IPC channel)');
  process.on('message', (message: IpcRequest) => {
    const handler = handlers[message.type];
    const reply = (answer: IpcAnswer) => process.send?.(answer);
    if (!handler) {
      reply({ id: message.id, ok: false, error: `no handler for "${message.type}"` });
      return;
    }
    handler(message.payload).then(
      (result) => reply({ id: message.id, ok: true, result: result ?? null }),
      (error: unknown) =>
        reply({
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  process.on('disconnect', () => {
    const exit = () => process.exit(0);
    setTimeout(exit, 3000).unref();
    cleanup().then(exit, exit);
  });
}

/** The parent's side of one child process. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  request<T>(type: string, payload?: unknown): Promise<T>;
  /** Asks the child to stop, and kills it if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

/** CPU affinity: the thing under test gets a core of its own, everything else the others. */
export interface CpuLayout {
  readonly pinned: boolean;
  /** taskset CPU list for the router (or the subgraph measured straight). */
  readonly measuredCores: string;
  /** taskset CPU list for the load generator and the subgraphs. */
  readonly otherCores: string;
  readonly description: string;
}

export function cpuLayout(): CpuLayout {
  const cores = availableParallelism();
  const taskset = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
  if (!taskset || cores < 2) {
    return {
      pinned: false,
      measuredCores: '',
      otherCores: '',
      description: taskset
        ? `not pinned (one core: router, subgraphs and load generator share it)`
        : `not pinned (no taskset): the OS schedules router, subgraphs and load generator`,
    };
  }
  const last = cores - 1;
  const others = last === 1 ? '0' : `0-${last - 1}`;
  return {
    pinned: true,
    measuredCores: String(last),
    otherCores: others,
    description: `router (or the subgraph measured straight) pinned to core ${last}; load generator and subgraphs on core${last === 1 ? '' : 's'} ${others}`,
  };
}

/** Pins this process (every thread) to `cores`. */
export function pinSelf(cores: string): void {
  if (cores) spawnSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

/**
 * Starts `bench/<script>` in a child process with an IPC channel, pinned to `cores` when given.
 * Under jest the benchmark runs from TypeScript: the child then compiles with swc on the fly.
 * `extraNodeArgs` (e.g. `--expose-gc`) go to that child's node alone.
 */
export function startChild(
  script: string,
  cores: string,
  env: NodeJS.ProcessEnv = {},
  extraNodeArgs: readonly string[] = [],
): Child {
  const ext = extname(__filename);
  const file = join(__dirname, `${script}${ext}`);
  const nodeArgs = [
    ...(ext === '.ts' ? ['-r', join(__dirname, '..', 'kit', 'runtime', 'ts-hook.cjs')] : []),
    // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": flags Node refuses in NODE_OPTIONS.
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ...extraNodeArgs,
  ];
  const command = cores ? 'taskset' : process.execPath;
  const args = cores ? ['-c', cores, process.execPath, ...nodeArgs, file] : [...nodeArgs, file];
  const child: ChildProcess = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let exited = false;
  child.on('message', (answer: IpcAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.result);
    else waiting.reject(new Error(`${script}: ${answer.error}`));
  });
  const exitedPromise = new Promise<void>((resolve) => {
    const gone = (why: string) => {
      exited = true;
      for (const waiting of pending.values()) waiting.reject(new Error(`${script} ${why} before answering`));
      pending.clear();
      resolve();
    };
    child.once('exit', (code, signal) => gone(`exited (${signal ?? code})`));
    child.once('error', (error) => gone(`could not start (${error.message})`));
  });
  return {
    name: script,
    pid: child.pid ?? -1,
    request<T>(type: string, payload?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${script} is not running`));
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, type, payload } satisfies IpcRequest);
      });
    },
    async stop() {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      try {
        if (child.connected) child.disconnect();
        await exitedPromise;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
