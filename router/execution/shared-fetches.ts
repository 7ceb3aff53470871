import type { Caller } from '../../kit/auth/caller';

/** A call's result, and whether this caller joined one already in flight instead of making it. */
export interface Shared<T> {
  readonly result: Promise<T>;
  readonly joined: boolean;
}

/**
 * Identical subgraph calls in flight at the same moment, made once. A dashboard refreshing
 * twenty panels, or an integrator's batch, sends the same operations at once; each would make
 * the same subgraph calls, each costing the router an HTTP exchange. The second and later
 * callers wait for the first call's answer instead.
 *
 * Sharing is only ever between calls whose key is identical, and the data source puts in the
 * key everything a subgraph's answer depends on (`viewKey`: who asks, with which scopes, for
 * which purpose and case; the call's body). Only calls of query operations are shared; a call
 * of a mutation is never shared and, when it ends, `forget` detaches every call in flight, so a
 * read that starts after a write never joins a call that started before it.
 *
 * Nothing is cached: a call leaves the map when it settles.
 */
export class SharedFetches<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Calls in flight (for tests and metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  /** Runs `start`, or joins the call with the same key already in flight. */
  run(key: string, start: () => Promise<T>): Shared<T> {
    const pending = this.inFlight.get(key);
    if (pending) return { result: pending, joined: true };
    const result = start();
    this.inFlight.set(key, result);
    const leave = () => {
      if (this.inFlight.get(key) === result) this.inFlight.delete(key);
    };
    result.then(leave, leave);
    return { result, joined: false };
  }

  /** Detaches every call in flight: calls from now on start afresh (they still settle for those waiting). */
  forget(): void {
    this.inFlight.clear();
  }
}

/**
 * What a subgraph's answer can depend on, of the caller: everything the router signs into the
 * subgraph context except the request's own id. Callers with the same view are interchangeable
 * to a subgraph; any difference (another client, citizen, scope, purpose or case) is another key.
 */
export function viewKey(caller: Caller): string {
  let key = viewKeys.get(caller);
  if (key === undefined) {
    key = JSON.stringify([
      caller.clientId,
      caller.agency,
      caller.citizenId,
      [...caller.scopes].sort(),
      caller.purpose,
      caller.caseNumber,
    ]);
    viewKeys.set(caller, key);
  }
  return key;
}

/** Made once per request (its caller), not once per subgraph call: an operation makes up to dozens. */
const viewKeys = new WeakMap<Caller, string>();
