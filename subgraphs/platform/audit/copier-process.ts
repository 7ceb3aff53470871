import { type ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import type { DatabaseLocation } from '../../../kit/orm/database-location';
import type { Copier } from './journal-copier';

/** What the copier process is started with (UR_AUDIT_COPIER, JSON). */
export interface CopierSetup {
  readonly dir: string;
  /** The platform database, as the router opened it (`databaseLocationOf`). */
  readonly database: DatabaseLocation;
}

/** A request to the copier process; it answers `done` or `failed` with the same id. */
export type CopierRequest =
  | {
      readonly t: 'follow' | 'copyTo' | 'retire';
      readonly id: number;
      readonly journal: string;
      readonly position: number;
    }
  | { readonly t: 'close' };

/** What the copier process says. */
export type CopierReply =
  | { readonly t: 'ready' }
  | { readonly t: 'copied'; readonly journal: string; readonly position: number }
  | { readonly t: 'done'; readonly id: number }
  | { readonly t: 'failed'; readonly id: number; readonly message: string };

/**
 * V8 flags of the copier (after the router's own, so these win). With V8's defaults it grew to
 * 175 MB under the pass-through load, more than the router; the old space is capped, as it only
 * keeps the batch at hand. The young generation is not starved: with a 1 MB semi-space, garbage
 * collection took 36% of its CPU (each batch's entries outlived several scavenges), and 8 MB took
 * a sixth off its CPU per entry for 14 MB more RSS. Between batches the process is idle, which
 * V8's memory reducer takes as its cue for a full collection, every few seconds; the heap it
 * would shrink is a few megabytes, so it is off (a fifth less CPU per entry at 120 entries/s).
 */
const COPIER_NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=128', '--no-memory-reducer'];

/**
 * Sends `request` to the copier. A child that has just died (its exit not yet seen) fails the
 * write with EPIPE: nothing is lost, as requests stay pending until answered and are sent again
 * to the copier started in its place.
 */
function send(child: ChildProcess, request: CopierRequest): void {
  if (child.connected) child.send(request, () => undefined);
}

/** Wait before starting a copier that died again (one that cannot open the database dies at once). */
const RESTART_MS = 1000;

interface Pending {
  readonly request: CopierRequest & { readonly id: number };
  resolve(): void;
  reject(error: Error): void;
}

/**
 * The journal's copier in a child process of the router (`journal-copier-main.ts`): the router
 * only appends, and the copy's CPU and its synchronous SQLite transactions are the child's. A
 * child that dies is started again and told what it was doing; one whose router dies exits at once
 * (the next start recovers the journal; the marks make sure nothing is copied twice).
 */
export class CopierProcess implements Copier {
  private child: ChildProcess | undefined;
  /** Whether the child said it is ready: until then requests wait here (it would drop them). */
  private ready = false;
  private readonly followed = new Set<string>();
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private closing = false;

  private constructor(
    private readonly setup: CopierSetup,
    private readonly onCopied: (journal: string, position: number) => void,
  ) {}

  /** Starts the child; resolves once it has recovered what gone routers left in the folder. */
  static async start(
    setup: CopierSetup,
    onCopied: (journal: string, position: number) => void,
  ): Promise<CopierProcess> {
    const copier = new CopierProcess(setup, onCopied);
    await copier.spawn();
    return copier;
  }

  /** The child's process id (for the benchmark's meter). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  follow(journal: string): Promise<void> {
    this.followed.add(journal);
    return this.request('follow', journal, 0);
  }

  copyTo(journal: string, position: number): Promise<void> {
    return this.request('copyTo', journal, position);
  }

  async retire(journal: string, position: number): Promise<void> {
    await this.request('retire', journal, position);
    this.followed.delete(journal);
  }

  async close(): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      // Between a copier's death and its restart: what was asked stays undone, in the journal.
      for (const waiting of this.pending.values())
        waiting.reject(new Error('the audit copier is not running'));
      this.pending.clear();
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    send(child, { t: 'close' });
    await exited;
  }

  private request(t: 'follow' | 'copyTo' | 'retire', journal: string, position: number): Promise<void> {
    const request = { t, id: ++this.next, journal, position };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      if (this.ready && this.child) send(this.child, request);
    });
  }

  private spawn(): Promise<void> {
    const ext = extname(__filename);
    const file = join(__dirname, `journal-copier-main${ext}`);
    // From TypeScript (under jest) the child compiles as it loads, as the benchmark's children do.
    const hook = join(__dirname, '..', '..', '..', 'kit', 'runtime', 'ts-hook.cjs');
    const child = fork(file, [], {
      execArgv: [
        ...process.execArgv,
        ...COPIER_NODE_FLAGS,
        ...(ext === '.ts' && !process.execArgv.includes(hook) ? ['-r', hook] : []),
      ],
      env: { ...process.env, UR_AUDIT_COPIER: JSON.stringify(this.setup) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = false;
    return new Promise((resolve, reject) => {
      child.on('message', (reply: CopierReply) => {
        if (reply.t === 'ready') {
          this.ready = true;
          // A restarted child picks up where the last one was: what it followed, what it was asked.
          for (const journal of this.followed) send(child, { t: 'follow', id: 0, journal, position: 0 });
          for (const { request } of this.pending.values()) send(child, request);
          resolve();
        } else if (reply.t === 'copied') {
          this.onCopied(reply.journal, reply.position);
        } else {
          const waiting = this.pending.get(reply.id);
          this.pending.delete(reply.id);
          if (reply.t === 'done') waiting?.resolve();
          else waiting?.reject(new Error(reply.message));
        }
      });
      child.once('exit', (code, signal) => {
        if (this.closing) {
          for (const waiting of this.pending.values()) waiting.reject(new Error('the audit copier closed'));
          this.pending.clear();
          return;
        }
        const why = `the audit copier process ended (${signal ?? `exit ${code}`})`;
        reject(new Error(why));
        console.error(`audit: ${why}; starting it again in ${RESTART_MS / 1000} s`);
        // Entries keep going to the journal meanwhile: they are copied once a copier runs again.
        setTimeout(() => {
          if (!this.closing) this.spawn().catch(() => undefined); // its own exit handler tries again
        }, RESTART_MS).unref();
      });
    });
  }
}
