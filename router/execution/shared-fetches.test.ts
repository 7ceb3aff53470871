import { anonymousCaller } from '../../kit/auth/caller';
import { SharedFetches, viewKey } from './shared-fetches';

/** A promise settled from outside, to hold a call in flight for as long as a test needs. */
function held<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('SharedFetches', () => {
  it('makes a call once for everyone asking while it is in flight, and afresh once it settled', async () => {
    const shared = new SharedFetches<string>();
    const call = held<string>();
    let started = 0;
    const start = () => {
      started += 1;
      return call.promise;
    };
    const first = shared.run('k', start);
    const second = shared.run('k', start);
    expect([first.joined, second.joined, started, shared.size]).toEqual([false, true, 1, 1]);
    call.resolve('answer');
    expect(await Promise.all([first.result, second.result])).toEqual(['answer', 'answer']);
    expect(shared.size).toBe(0);
    const third = shared.run('k', () => Promise.resolve('later'));
    expect(third.joined).toBe(false);
    expect(await third.result).toBe('later');
  });

  it('never joins a call of another key', () => {
    const shared = new SharedFetches<string>();
    const never = () => new Promise<string>(() => undefined);
    expect(shared.run('a', never).joined).toBe(false);
    expect(shared.run('b', never).joined).toBe(false);
    expect(shared.size).toBe(2);
  });

  it('gives a failure to everyone who joined, and forgets the call', async () => {
    const shared = new SharedFetches<string>();
    const call = held<string>();
    const first = shared.run('k', () => call.promise);
    const second = shared.run('k', () => call.promise);
    call.reject(new Error('down'));
    await expect(first.result).rejects.toThrow('down');
    await expect(second.result).rejects.toThrow('down');
    expect(shared.size).toBe(0);
  });

  it('after forget, a call starts afresh while the forgotten one still settles for its callers', async () => {
    const shared = new SharedFetches<string>();
    const before = held<string>();
    const first = shared.run('k', () => before.promise);
    shared.forget();
    const after = shared.run('k', () => Promise.resolve('after the write'));
    expect(after.joined).toBe(false);
    before.resolve('before the write');
    expect(await first.result).toBe('before the write');
    expect(await after.result).toBe('after the write');
    expect(shared.size).toBe(0);
  });
});

describe('viewKey', () => {
  const caller = {
    ...anonymousCaller('r1'),
    clientId: 'welfare',
    agency: 'MOLSA',
    scopes: ['b', 'a'],
    purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
    caseNumber: 'C-1',
  };

  it('is the same for two requests of one caller, whatever the request id or order of scopes', () => {
    expect(viewKey({ ...caller, requestId: 'r2', scopes: ['a', 'b'] })).toBe(viewKey(caller));
  });

  it.each([
    ['client', { clientId: 'other' }],
    ['agency', { agency: 'MOH' }],
    ['citizen', { citizenId: '199012345678' }],
    ['scopes', { scopes: ['a'] }],
    ['purpose', { purpose: 'AUDIT' }],
    ['case', { caseNumber: 'C-2' }],
  ])('another %s is another key', (_what, change) => {
    expect(viewKey({ ...caller, ...change })).not.toBe(viewKey(caller));
  });
});
