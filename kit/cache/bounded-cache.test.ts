import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('keeps at most its capacity, dropping the oldest inserted first', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10); // an update is not an insertion: nothing dropped
    expect([cache.size, cache.get('a'), cache.get('b')]).toEqual([2, 10, 2]);
    cache.set('c', 3);
    expect([cache.has('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([false, 2, 3, 2]);
  });

  it('getOrSet makes a value once, and caches null and undefined-free values alike', () => {
    const cache = new BoundedCache<string, number | null>(10);
    let made = 0;
    const make = () => (made++, null);
    expect([cache.getOrSet('k', make), cache.getOrSet('k', make), made]).toEqual([null, null, 1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new BoundedCache(0)).toThrow('capacity must be a positive integer');
  });
});
