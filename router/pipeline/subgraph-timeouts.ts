/**
 * Per-subgraph timeouts and circuit breakers: a slow or dead ministry costs its own fields, not
 * the router's threads of patience. Each subgraph has its own breaker.
 */

/**
 * Why a subgraph call gave nothing: no answer in time; no answer at all or a 5xx; an open circuit
 * (not called); or a 4xx answer (the subgraph is up: this does not count towards its circuit).
 */
export type SubgraphFailure = 'timeout' | 'unreachable' | 'circuit-open' | 'rejected';

export interface SubgraphGuardOptions {
  /** Milliseconds each call may take, headers and body. */
  readonly timeoutMs: number;
  /** Consecutive failures that open a subgraph's circuit. */
  readonly circuitFailures: number;
  /** How long an open circuit stays open before one probe call is let through. */
  readonly circuitOpenMs: number;
  /** Told about every call (metrics, logs). */
  readonly onCall?: (call: SubgraphCall) => void;
  /** Told when a circuit opens or closes. */
  readonly onCircuit?: (subgraph: string, state: CircuitState) => void;
  readonly now?: () => number;
}

export interface SubgraphCall {
  readonly subgraph: string;
  readonly requestId: string | undefined;
  /** Seconds the call took; 0 when the circuit was open. */
  readonly seconds: number;
  readonly failure?: SubgraphFailure;
  /** The failure's message (never a stack). */
  readonly message?: string;
  /** The operation joined an identical call already in flight instead of making one (SharedFetches). */
  readonly joined?: boolean;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Closed: calls go through; `threshold` consecutive failures open it. Open: calls are refused at
 * once until `openMs` have passed. Then half-open: one call (the probe) goes through while the
 * others are still refused; its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private current: CircuitState = 'closed';

  constructor(
    readonly threshold: number,
    readonly openMs: number,
    private readonly now: () => number = Date.now,
    private readonly onChange?: (state: CircuitState) => void,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Consecutive failures so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** `undefined` when the call may go; otherwise when the next call will be tried (ms since epoch). */
  admit(): { readonly retryAt: number } | undefined {
    if (this.current === 'closed') return undefined;
    if (this.current === 'open' && this.now() >= this.openUntil) {
      this.set('half-open');
      return undefined; // this call is the probe
    }
    return { retryAt: Math.max(this.openUntil, this.now()) };
  }

  succeeded(): void {
    this.failures = 0;
    if (this.current !== 'closed') this.set('closed');
  }

  failed(): void {
    this.failures += 1;
    if (this.current === 'half-open' || (this.current === 'closed' && this.failures >= this.threshold)) {
      this.openUntil = this.now() + this.openMs;
      this.set('open');
    }
  }

  private set(state: CircuitState) {
    this.current = state;
    this.onChange?.(state);
  }
}

/** True for the error a call ends with when its deadline passed (`SubgraphTimeoutError`). */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'TimeoutError';
}

/** One subgraph's deadline and breaker, and where its calls are reported. */
export interface SubgraphGuard {
  readonly subgraph: string;
  readonly timeoutMs: number;
  readonly breaker: CircuitBreaker;
  report(call: Omit<SubgraphCall, 'subgraph'>): void;
}

/** The breakers of every subgraph of one router. */
export class SubgraphGuards {
  private readonly guards = new Map<string, SubgraphGuard>();

  constructor(private readonly options: SubgraphGuardOptions) {}

  for(subgraph: string): SubgraphGuard {
    let guard = this.guards.get(subgraph);
    if (!guard) {
      const { options } = this;
      guard = {
        subgraph,
        timeoutMs: options.timeoutMs,
        breaker: new CircuitBreaker(options.circuitFailures, options.circuitOpenMs, options.now, (state) =>
          options.onCircuit?.(subgraph, state),
        ),
        report: (call) => options.onCall?.({ subgraph, ...call }),
      };
      this.guards.set(subgraph, guard);
    }
    return guard;
  }
}
