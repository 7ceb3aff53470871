import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { urError } from '../../kit/errors/ur-error';

/** Operations the router runs at once, by default (UR_MAX_CONCURRENT_OPERATIONS). */
export const DEFAULT_MAX_CONCURRENT_OPERATIONS = 16;
/** Operations that may wait for a slot, by default (UR_MAX_QUEUED_OPERATIONS). */
export const DEFAULT_MAX_QUEUED_OPERATIONS = 1000;
/** How long an operation may wait for a slot before it is refused, by default. */
export const DEFAULT_MAX_QUEUE_WAIT_MS = 10_000;

/** Longer than this, Node fires a timer at once: such a wait means "no limit". */
const MAX_TIMER_MS = 2_147_483_647;

export interface AdmissionOptions {
  /** Slots: operations running at once (at least 1). */
  readonly maxConcurrent: number;
  /** Waiters beyond that (0: none wait, a busy router refuses at once). */
  readonly maxQueued: number;
  /** A waiter not given a slot within this many ms is refused. */
  readonly maxWaitMs: number;
}

/** A held slot. `release()` hands it to the first waiter or frees it; only its first call counts. */
export interface Slot {
  release(): void;
}

/** Why a waiter got no slot: the queue was full, it waited `maxWaitMs`, or its caller went away. */
export type Refusal = 'queue-full' | 'timed-out' | 'cancelled';

/** Seconds a refused caller is told to wait (Retry-After): long enough for the queue to move on. */
export const RETRY_AFTER_SECONDS = 1;

/** The refusal as the caller sees it: 503 ROUTER_OVERLOADED (the router sets Retry-After too). */
export function overloadedError(refusal: Refusal, options: AdmissionOptions): GraphQLError {
  const why =
    refusal === 'queue-full'
      ? `(${options.maxConcurrent} operations running, ${options.maxQueued} waiting)`
      : `(this operation waited ${options.maxWaitMs} ms for one of its ${options.maxConcurrent} operation slots)`;
  return urError(
    'ROUTER_OVERLOADED',
    `The router is at capacity ${why}; the operation was not run. Retry in ${RETRY_AFTER_SECONDS} s.`,
    { retryAfter: RETRY_AFTER_SECONDS },
  );
}

/**
 * One acquisition: the slot handed out and, while it waits, the waiter's node in the queue (one
 * object for both, so a queued operation costs one of these, its promise and its timer).
 */
class Ticket implements Slot {
  released = false;
  prev: Ticket | undefined = undefined;
  next: Ticket | undefined = undefined;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  settle: ((outcome: Ticket | Refusal) => void) | undefined = undefined;
  signal: Cancellation | undefined = undefined;
  onAbort: (() => void) | undefined = undefined;

  constructor(private readonly owner: Admission) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.owner.handOn();
  }
}

/**
 * Admission control: at most `maxConcurrent` operations run at once; the next `maxQueued` wait
 * in a FIFO queue, each for at most `maxWaitMs`; beyond that the router refuses
 * (ROUTER_OVERLOADED, 503 with Retry-After) instead of starting more work.
 *
 * Why: every running operation holds its plan state, subgraph answers and the answer being
 * built (megabytes for a list of 1000 items), so the router's memory grows with the number of
 * operations in flight, not with the number of connections. The router runs on one thread:
 * beyond a few operations at once it gains little throughput (only more overlap of its CPU with
 * subgraph latency), while each one adds memory and every answer comes later (all of them progress
 * more slowly together). A waiting operation costs only its small request state (its headers, body
 * and caller), so queueing the rest keeps peak memory bounded under any load, and the queue bound
 * and wait limit shed load that could not be served in time anyway. FIFO order also keeps the slowest
 * answers (p99) closer to the median than running everything at once does.
 *
 * On the hot path of every request: `tryAcquire()` allocates no promise, only the slot; only a
 * busy router pays for `acquire()`'s promise and timer. A slot is given back exactly once
 * (`release()` is idempotent), straight to the first waiter when there is one, so a newcomer never
 * overtakes the queue.
 */
export class Admission {
  private running = 0;
  private queued = 0;
  private head: Ticket | undefined;
  private tail: Ticket | undefined;

  constructor(readonly options: AdmissionOptions) {
    if (!Number.isSafeInteger(options.maxConcurrent) || options.maxConcurrent < 1)
      throw new RangeError(
        `maxConcurrent must be a whole number of at least 1, got ${options.maxConcurrent}`,
      );
    if (!Number.isSafeInteger(options.maxQueued) || options.maxQueued < 0)
      throw new RangeError(`maxQueued must be a whole number of at least 0, got ${options.maxQueued}`);
    if (!(options.maxWaitMs >= 0))
      throw new RangeError(`maxWaitMs must be at least 0, got ${options.maxWaitMs}`);
  }

  /** Operations holding a slot. */
  get active(): number {
    return this.running;
  }

  /** Operations waiting for one. */
  get waiting(): number {
    return this.queued;
  }

  /** A slot if one is free now, else `undefined` (then `acquire()` queues). */
  tryAcquire(): Slot | undefined {
    if (this.running >= this.options.maxConcurrent) return undefined;
    this.running += 1;
    return new Ticket(this);
  }

  /**
   * A slot, once one is free (at once if one is free now), or the refusal: `queue-full` at once,
   * `timed-out` after `maxWaitMs` in the queue, `cancelled` when `signal` aborts while waiting.
   */
  acquire(signal?: Cancellation): Promise<Slot | Refusal> {
    const free = this.tryAcquire();
    if (free) return Promise.resolve(free);
    if (signal?.aborted) return Promise.resolve('cancelled');
    if (this.queued >= this.options.maxQueued) return Promise.resolve('queue-full');
    const ticket = new Ticket(this);
    return new Promise<Slot | Refusal>((resolve) => {
      ticket.settle = resolve;
      this.enqueue(ticket);
      if (this.options.maxWaitMs <= MAX_TIMER_MS) {
        ticket.timer = setTimeout(() => this.leave(ticket, 'timed-out'), this.options.maxWaitMs);
        ticket.timer.unref?.();
      }
      if (signal) {
        ticket.signal = signal;
        ticket.onAbort = () => this.leave(ticket, 'cancelled');
        signal.addEventListener('abort', ticket.onAbort, { once: true });
      }
    });
  }

  /** For Ticket.release(): the first waiter gets the slot, or it is free again. Not for callers. */
  handOn(): void {
    const next = this.head;
    if (!next) {
      this.running -= 1;
      return;
    }
    // `running` stays the same: the slot changes hands.
    this.settle(next, next);
  }

  /** A waiter leaves the queue without a slot. */
  private leave(ticket: Ticket, refusal: Refusal): void {
    if (ticket.settle) this.settle(ticket, refusal);
  }

  private settle(ticket: Ticket, outcome: Ticket | Refusal): void {
    const resolve = ticket.settle as (outcome: Ticket | Refusal) => void;
    this.dequeue(ticket);
    clearTimeout(ticket.timer);
    if (ticket.signal && ticket.onAbort) ticket.signal.removeEventListener('abort', ticket.onAbort);
    ticket.settle = ticket.timer = ticket.signal = ticket.onAbort = undefined;
    resolve(outcome);
  }

  private enqueue(ticket: Ticket): void {
    ticket.prev = this.tail;
    if (this.tail) this.tail.next = ticket;
    else this.head = ticket;
    this.tail = ticket;
    this.queued += 1;
  }

  private dequeue(ticket: Ticket): void {
    if (ticket.prev) ticket.prev.next = ticket.next;
    else this.head = ticket.next;
    if (ticket.next) ticket.next.prev = ticket.prev;
    else this.tail = ticket.prev;
    ticket.prev = ticket.next = undefined;
    this.queued -= 1;
  }
}

/** What `acquire()` watches to learn that a waiter gave up: the part of AbortSignal it uses. */
export interface Cancellation {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The caller hanging up, as a Cancellation. Not an AbortController: on a busy router every
 * request waits here, and an AbortSignal (an EventTarget) cost 1.6% of its CPU on pass-through.
 */
class HangUp implements Cancellation {
  aborted: boolean;
  private listener: (() => void) | undefined;

  constructor(req: IncomingMessage) {
    this.aborted = req.socket.destroyed; // gone already, before anyone listened
  }

  readonly onClose = (): void => {
    this.aborted = true;
    this.listener?.();
  };

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener;
  }

  removeEventListener(): void {
    this.listener = undefined;
  }
}

/**
 * A slot for an HTTP request once one is free, or the refusal; `undefined` when the caller hung up
 * while waiting (its operation is never run, and a slot handed to it is passed on at once).
 */
export async function slotForRequest(
  admission: Admission,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Slot | Refusal | undefined> {
  const gone = new HangUp(req);
  res.once('close', gone.onClose);
  const outcome = await admission.acquire(gone);
  res.off('close', gone.onClose);
  if (!gone.aborted) return outcome;
  if (typeof outcome === 'object') outcome.release();
  return undefined;
}
