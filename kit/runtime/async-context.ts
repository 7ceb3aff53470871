import { AsyncLocalStorage } from 'node:async_hooks';
import { tracingEnabled } from '../telemetry/tracing';

/**
 * Node 20 tracks async context with async hooks from the first use of any AsyncLocalStorage, and
 * keeps tracking until every one is disabled: each promise then pays an init, before and after
 * hook. MikroORM runs every flush, transaction and `findAndCount` inside one, so a single write
 * (seeding at start-up, one mutation) left every later request paying for it: a fifth of the
 * router's CPU on a pass-through query (0.176 → 0.140 ms per request in `npm run bench`).
 *
 * `trackAsyncContexts` (called first thing in each server process) notes each AsyncLocalStorage
 * as it is enabled; `releaseAsyncContexts` disables them again, which turns the hooks off. It is
 * called by `serve` when the server starts listening and whenever no request is in flight, so no
 * ORM scope is live then: everything the ORM does runs inside a request. The next `run()`
 * enables its storage again. With tracing on, nothing is released (spans need the tracking).
 * Where AsyncLocalStorage is not built on async hooks (Node 24's AsyncContextFrame), there is
 * nothing to release and this does nothing.
 */
const seen = new Set<AsyncLocalStorage<unknown>>();
let enabledSinceRelease = false;
let installed = false;

export function trackAsyncContexts(): void {
  if (installed) return;
  installed = true;
  const prototype = AsyncLocalStorage.prototype as unknown as { _enable?: () => void };
  const enable = prototype._enable;
  if (typeof enable !== 'function') return;
  prototype._enable = function (this: AsyncLocalStorage<unknown>) {
    seen.add(this);
    enabledSinceRelease = true;
    return enable.call(this);
  };
}

/** Whether an AsyncLocalStorage was enabled since the last release (for tests). */
export function asyncContextsEnabled(): boolean {
  return enabledSinceRelease;
}

/** Disables every AsyncLocalStorage seen; call only when no request (so no ORM scope) is in flight. */
export function releaseAsyncContexts(): void {
  if (!enabledSinceRelease || tracingEnabled()) return;
  enabledSinceRelease = false;
  for (const storage of seen) storage.disable();
}
