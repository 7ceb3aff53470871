import type Redis from 'ioredis';

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the current window ends. */
  readonly retryAfter: number;
}

/** Fixed one-minute windows per key: simple, and exact enough for per-client quotas. */
export interface RateLimiter {
  take(key: string, limitPerMinute: number): Promise<RateDecision>;
  close(): Promise<void>;
}

function windowOf(now: number) {
  const minute = Math.floor(now / 60_000);
  return { minute, retryAfter: Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000)) };
}

/** Shared by every router replica: one counter per key and minute in Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis) {}

  async take(key: string, limit: number): Promise<RateDecision> {
    const { minute, retryAfter } = windowOf(Date.now());
    const counter = `ur:rate:${key}:${minute}`;
    const [[, count]] = (await this.redis.multi().incr(counter).expire(counter, 120).exec()) as [
      [null, number],
    ];
    return { allowed: count <= limit, retryAfter };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** One process only: for development without Redis. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();
  private minute = 0;

  async take(key: string, limit: number): Promise<RateDecision> {
    const { minute, retryAfter } = windowOf(Date.now());
    if (minute !== this.minute) {
      this.counts.clear();
      this.minute = minute;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return { allowed: count <= limit, retryAfter };
  }

  async close(): Promise<void> {}
}
