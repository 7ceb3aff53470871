import { CachedClientRegistry } from './cached-client-registry';
import type { ClientRegistry, FoundClient } from './client';
import { DEMO_CLIENTS } from './demo-clients';

/** A registry that counts its reads, holding the demo clients (changeable). */
function countingRegistry() {
  const clients = new Map(DEMO_CLIENTS.map((c) => [c.id, { ...c, purposeRegistered: true } as FoundClient]));
  const registry = {
    reads: 0,
    clients,
    async findClient(id: string) {
      registry.reads += 1;
      return clients.get(id);
    },
    async findKey() {
      return undefined;
    },
  } satisfies ClientRegistry & Record<string, unknown>;
  return registry;
}

describe('CachedClientRegistry', () => {
  let clock = 0;
  const now = () => clock;

  it('reads a client once per TTL, per purpose declared', async () => {
    const inner = countingRegistry();
    const cached = new CachedClientRegistry(inner, 1000, now);
    clock = 0;
    await cached.findClient('welfare', 'SOCIAL_WELFARE_ELIGIBILITY');
    clock = 999;
    expect((await cached.findClient('welfare', 'SOCIAL_WELFARE_ELIGIBILITY'))?.id).toBe('welfare');
    expect(inner.reads).toBe(1);
    await cached.findClient('welfare', null);
    expect(inner.reads).toBe(2);
    clock = 1000;
    await cached.findClient('welfare', 'SOCIAL_WELFARE_ELIGIBILITY');
    expect(inner.reads).toBe(3);
  });

  it('sees a change at once after invalidate (a platform mutation on this router)', async () => {
    const inner = countingRegistry();
    const cached = new CachedClientRegistry(inner, 1000, now);
    clock = 0;
    expect((await cached.findClient('welfare'))?.status).toBe('ACTIVE');
    inner.clients.set('welfare', { ...(inner.clients.get('welfare') as FoundClient), status: 'SUSPENDED' });
    expect((await cached.findClient('welfare'))?.status).toBe('ACTIVE');
    cached.invalidate();
    expect((await cached.findClient('welfare'))?.status).toBe('SUSPENDED');
  });

  it('never keeps an unknown client: one registered a moment later works at once', async () => {
    const inner = countingRegistry();
    const cached = new CachedClientRegistry(inner, 1000, now);
    clock = 0;
    expect(await cached.findClient('newcomer')).toBeUndefined();
    inner.clients.set('newcomer', { ...(inner.clients.get('welfare') as FoundClient), id: 'newcomer' });
    expect((await cached.findClient('newcomer'))?.id).toBe('newcomer');
  });

  it('with a TTL of 0 reads every time', async () => {
    const inner = countingRegistry();
    const cached = new CachedClientRegistry(inner, 0, now);
    await cached.findClient('welfare');
    await cached.findClient('welfare');
    expect(inner.reads).toBe(2);
  });
});
