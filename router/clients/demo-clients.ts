import { DEMO_CLIENTS as PLATFORM_DEMO_CLIENTS, DEMO_PURPOSES } from '../../subgraphs/platform/demo-clients';
import type { ClientRegistry, FoundClient, RegisteredClient, RegisteredKey } from './client';

/** The platform's demo clients, as registered on first start. */
export const DEMO_CLIENTS: readonly RegisteredClient[] = PLATFORM_DEMO_CLIENTS.map((c) => ({
  ...c,
  status: 'ACTIVE',
}));

/**
 * Clients held in memory, for test graphs without the platform's registry. The national graph,
 * and the benchmark's router, use DatabaseClientRegistry.
 */
export class StaticClientRegistry implements ClientRegistry {
  private readonly byId: Map<string, RegisteredClient>;

  constructor(clients: readonly RegisteredClient[] = DEMO_CLIENTS) {
    this.byId = new Map(clients.map((c) => [c.id, c]));
  }

  async findClient(id: string, purpose?: string | null): Promise<FoundClient | undefined> {
    const client = this.byId.get(id);
    return client && { ...client, purposeRegistered: DEMO_PURPOSES.some((p) => p.code === purpose) };
  }

  async findKey(): Promise<RegisteredKey | undefined> {
    return undefined;
  }
}
