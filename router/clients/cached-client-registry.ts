import { BoundedCache } from '../../kit/cache/bounded-cache';
import type { ClientRegistry, FoundClient, RegisteredKey } from './client';

/** Lookups kept: a client per purpose it declares (callers choose the purpose: the key space is theirs). */
const CAPACITY = 10_000;

/**
 * The registry, with each client lookup kept for at most `ttlMs`. The registry was read on every
 * request, and that read was a tenth of the router's CPU on a pass-through query. A change made
 * through the platform's mutations on this router clears the cache (`invalidate`), so it applies
 * to this router's next request; another replica, or an edit made in the database itself, is
 * seen within `ttlMs`. Unknown clients are never kept: a client registered a moment ago works
 * at once. Keys (`findKey`, rare) are always read.
 */
export class CachedClientRegistry implements ClientRegistry {
  private readonly clients = new BoundedCache<string, { readonly at: number; readonly client: FoundClient }>(
    CAPACITY,
  );

  constructor(
    private readonly registry: ClientRegistry,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async findClient(id: string, purpose?: string | null): Promise<FoundClient | undefined> {
    if (this.ttlMs <= 0) return this.registry.findClient(id, purpose);
    const key = `${id}\n${purpose ?? ''}`;
    const kept = this.clients.get(key);
    if (kept && this.now() - kept.at < this.ttlMs) return kept.client;
    const at = this.now();
    const client = await this.registry.findClient(id, purpose);
    if (client) this.clients.set(key, { at, client });
    else this.clients.delete(key);
    return client;
  }

  findKey(id: string): Promise<RegisteredKey | undefined> {
    return this.registry.findKey(id);
  }

  /** Forgets every lookup: the next ones read the registry (after a change through the platform's mutations). */
  invalidate(): void {
    this.clients.clear();
  }
}
