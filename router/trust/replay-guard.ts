import type Redis from 'ioredis';

/** Remembers token ids until they expire, so a one-time client assertion cannot be sent twice. */
export interface ReplayGuard {
  /** True the first time `jti` is seen, false after. */
  firstUse(jti: string, expiresAt: number): Promise<boolean>;
}

export class RedisReplayGuard implements ReplayGuard {
  constructor(private readonly redis: Redis) {}

  async firstUse(jti: string, expiresAt: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
    return (await this.redis.set(`ur:jti:${jti}`, '1', 'EX', ttl, 'NX')) === 'OK';
  }
}

export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();

  async firstUse(jti: string, expiresAt: number): Promise<boolean> {
    const now = Date.now() / 1000;
    for (const [k, exp] of this.seen) if (exp < now) this.seen.delete(k);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAt);
    return true;
  }
}
