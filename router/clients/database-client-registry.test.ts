import { prepareTestSubgraph } from '../../kit/testing/subgraph-harness';
import { platform as ROUTER_SUBGRAPH } from '../../subgraphs/platform/subgraph';
import { DatabaseClientRegistry } from './database-client-registry';

/** The registry the router reads on every request, against the seeded platform database (SQLite, or PostgreSQL). */
describe('DatabaseClientRegistry', () => {
  let platform: Awaited<ReturnType<typeof prepareTestSubgraph>>;
  let registry: DatabaseClientRegistry;
  beforeAll(async () => {
    platform = await prepareTestSubgraph(ROUTER_SUBGRAPH);
    registry = new DatabaseClientRegistry(platform.orm);
  });
  afterAll(() => platform.close());

  it('finds a client and whether the declared purpose is registered in one statement', async () => {
    const before = platform.stats.sql;
    const client = await registry.findClient('welfare', 'SOCIAL_WELFARE_ELIGIBILITY');
    expect(platform.stats.sql - before).toBe(1);
    expect(client).toEqual({
      id: 'welfare',
      name: expect.any(String),
      agency: expect.any(String),
      scopes: ['identity.citizen.basic:read', 'health.disability:read'],
      purposes: ['SOCIAL_WELFARE_ELIGIBILITY'],
      rateLimitPerMinute: expect.any(Number),
      status: 'ACTIVE',
      purposeRegistered: true,
    });
  });

  it('says a purpose is not registered when it is unknown, and when none was declared', async () => {
    expect((await registry.findClient('welfare', 'NO_SUCH_PURPOSE'))?.purposeRegistered).toBe(false);
    expect((await registry.findClient('welfare'))?.purposeRegistered).toBe(false);
    expect((await registry.findClient('welfare', null))?.purposeRegistered).toBe(false);
  });

  it('finds no client for an unknown id', async () => {
    expect(await registry.findClient('nobody', 'SOCIAL_WELFARE_ELIGIBILITY')).toBeUndefined();
  });
});
