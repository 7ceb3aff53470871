import { SubgraphTimeoutError } from '../execution/json-transport';
import { CircuitBreaker, isTimeout, SubgraphGuards } from './subgraph-timeouts';

describe('CircuitBreaker', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('opens after N consecutive failures, refusing calls until it is time to retry', () => {
    const breaker = new CircuitBreaker(3, 30_000, clock);
    breaker.failed();
    breaker.failed();
    expect(breaker.admit()).toBeUndefined();
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toEqual({ retryAt: 31_000 });
    now = 30_999;
    expect(breaker.admit()).toEqual({ retryAt: 31_000 });
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker(2, 30_000, clock);
    breaker.failed();
    breaker.succeeded();
    breaker.failed();
    expect(breaker.state).toBe('closed');
  });

  it('half-open: one probe goes through, others wait; its success closes the circuit', () => {
    const states: string[] = [];
    const breaker = new CircuitBreaker(1, 1_000, clock, (s) => states.push(s));
    breaker.failed();
    now = 2_000;
    expect(breaker.admit()).toBeUndefined(); // the probe
    expect(breaker.state).toBe('half-open');
    expect(breaker.admit()).toEqual({ retryAt: 2_000 });
    breaker.succeeded();
    expect(breaker.admit()).toBeUndefined();
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed probe opens the circuit again for the whole period', () => {
    const breaker = new CircuitBreaker(5, 1_000, clock);
    for (let i = 0; i < 5; i++) breaker.failed();
    now = 2_000;
    expect(breaker.admit()).toBeUndefined();
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toEqual({ retryAt: 3_000 });
  });
});

describe('isTimeout', () => {
  it("knows the transport's deadline error; a refused connection is not a timeout", () => {
    expect(isTimeout(new SubgraphTimeoutError('no answer within 50 ms'))).toBe(true);
    expect(isTimeout(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });
});

describe('SubgraphGuards', () => {
  it('gives each subgraph its own breaker, and names the subgraph in reports', () => {
    const calls: unknown[] = [];
    const guards = new SubgraphGuards({
      timeoutMs: 100,
      circuitFailures: 1,
      circuitOpenMs: 1_000,
      onCall: (c) => calls.push(c),
    });
    guards.for('health').breaker.failed();
    expect(guards.for('health').breaker.state).toBe('open');
    expect(guards.for('identity').breaker.state).toBe('closed');
    guards.for('identity').report({ requestId: 'r1', seconds: 0.01 });
    expect(calls).toEqual([{ subgraph: 'identity', requestId: 'r1', seconds: 0.01 }]);
  });
});
