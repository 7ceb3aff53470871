import { Admission, type Refusal, type Slot } from './admission';

const isSlot = (outcome: Slot | Refusal | undefined): outcome is Slot => typeof outcome === 'object';

/** Lets resolved promises' callbacks run. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Admission', () => {
  it('hands out maxConcurrent slots at once, then none; a released slot is free again', () => {
    const admission = new Admission({ maxConcurrent: 2, maxQueued: 10, maxWaitMs: 1000 });
    const a = admission.tryAcquire();
    const b = admission.tryAcquire();
    expect([isSlot(a), isSlot(b), admission.tryAcquire()]).toEqual([true, true, undefined]);
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 2, waiting: 0 });
    a?.release();
    expect(admission.active).toBe(1);
    expect(isSlot(admission.tryAcquire())).toBe(true);
    expect(admission.active).toBe(2);
  });

  it('acquire() with a free slot resolves to a slot at once', async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: 1000 });
    const slot = await admission.acquire();
    expect(isSlot(slot)).toBe(true);
    expect(admission.active).toBe(1);
  });

  it('waiters get released slots in FIFO order; a newcomer never overtakes them', async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 60_000 });
    const first = admission.tryAcquire() as Slot;
    const order: string[] = [];
    const waiters = ['w1', 'w2', 'w3'].map((name) =>
      admission.acquire().then((outcome) => {
        order.push(name);
        return outcome;
      }),
    );
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 3 });

    first.release();
    expect(admission.tryAcquire()).toBeUndefined(); // the slot went to w1, not to this newcomer
    const w1 = (await waiters[0]) as Slot;
    expect(order).toEqual(['w1']);
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 2 });

    w1.release();
    const w2 = (await waiters[1]) as Slot;
    w2.release();
    const w3 = (await waiters[2]) as Slot;
    expect(order).toEqual(['w1', 'w2', 'w3']);
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 0 });
    w3.release();
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('a full queue refuses at once, without queueing', async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 2, maxWaitMs: 60_000 });
    const held = admission.tryAcquire() as Slot;
    const queued = [admission.acquire(), admission.acquire()];
    expect(await admission.acquire()).toBe('queue-full');
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 2 });
    held.release();
    ((await queued[0]) as Slot).release();
    ((await queued[1]) as Slot).release();
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('maxQueued 0: a busy router refuses at once', async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: 60_000 });
    admission.tryAcquire();
    expect(await admission.acquire()).toBe('queue-full');
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('a waiter not served within maxWaitMs is refused and leaves the queue; the others keep their place', async () => {
      const admission = new Admission({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 5000 });
      const held = admission.tryAcquire() as Slot;
      const early = admission.acquire();
      jest.advanceTimersByTime(3000);
      const late = admission.acquire();
      jest.advanceTimersByTime(2000); // `early` has waited 5000 ms, `late` 2000 ms
      expect(await early).toBe('timed-out');
      expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 1 });

      held.release();
      const slot = await late;
      expect(isSlot(slot)).toBe(true);
      jest.advanceTimersByTime(60_000); // its timer was cleared: a slot is never taken back
      expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 1, waiting: 0 });
      (slot as Slot).release();
      expect(admission.active).toBe(0);
      expect(jest.getTimerCount()).toBe(0);
    });
  });

  it('release is idempotent: a second call frees nothing and hands nothing on', async () => {
    const admission = new Admission({ maxConcurrent: 2, maxQueued: 10, maxWaitMs: 60_000 });
    const a = admission.tryAcquire() as Slot;
    const b = admission.tryAcquire() as Slot;
    const waiter = admission.acquire();
    a.release();
    a.release(); // must not give a second slot to anyone
    const c = (await waiter) as Slot;
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 2, waiting: 0 });
    expect(admission.tryAcquire()).toBeUndefined();

    b.release();
    b.release();
    c.release();
    c.release();
    a.release();
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('a waiter whose caller goes away leaves the queue; an aborted signal is refused at once', async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 60_000 });
    const held = admission.tryAcquire() as Slot;
    const gone = new AbortController();
    const leaving = admission.acquire(gone.signal);
    const staying = admission.acquire();
    gone.abort();
    expect(await leaving).toBe('cancelled');
    expect(admission.waiting).toBe(1);
    expect(await admission.acquire(gone.signal)).toBe('cancelled');

    held.release();
    const slot = (await staying) as Slot;
    expect(isSlot(slot)).toBe(true);
    gone.abort(); // nothing listens any more
    slot.release();
    await settled();
    expect({ active: admission.active, waiting: admission.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses nonsensical limits', () => {
    expect(() => new Admission({ maxConcurrent: 0, maxQueued: 0, maxWaitMs: 0 })).toThrow(
      'maxConcurrent must be a whole number of at least 1, got 0',
    );
    expect(() => new Admission({ maxConcurrent: 1, maxQueued: -1, maxWaitMs: 0 })).toThrow(
      'maxQueued must be a whole number of at least 0, got -1',
    );
    expect(() => new Admission({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: Number.NaN })).toThrow(
      'maxWaitMs must be at least 0, got NaN',
    );
  });
});
