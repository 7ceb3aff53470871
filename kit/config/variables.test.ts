import { ConfigError, loadConfig } from './variables';

describe('configuration', () => {
  it('has working defaults: SQLite under data/, router on 4000, filter mode', () => {
    expect(loadConfig({})).toEqual({
      dataDir: 'data',
      databaseUrl: undefined,
      host: '127.0.0.1',
      routerPort: 4000,
      subgraphPort: undefined,
      subgraphUrls: {},
      supergraphPath: 'schema/supergraph.graphql',
      policyDryRun: undefined,
      authzMode: 'filter',
      contextSecret: undefined,
      redisUrl: undefined,
      anonymousRateLimit: 300,
      seed: 'auto',
    });
  });

  it('reads overrides', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      UR_ROUTER_PORT: '0',
      UR_SUBGRAPH_URLS: 'identity=http://a:1/graphql,health=http://b:2/graphql',
      UR_AUTHZ_MODE: 'reject',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u@h:5432/db',
      routerPort: 0,
      subgraphUrls: { identity: 'http://a:1/graphql', health: 'http://b:2/graphql' },
      authzMode: 'reject',
    });
  });

  it('names every invalid variable at once, hiding passwords', () => {
    expect(() =>
      loadConfig({ UR_ROUTER_PORT: 'eighty', UR_AUTHZ_MODE: 'maybe', DATABASE_URL: 'mysql://u:secret@h/db' }),
    ).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '- DATABASE_URL must be a postgres:// URL, got "mysql://u:***@h/db"\n' +
          '- UR_ROUTER_PORT must be a port number from 0 to 65535, got "eighty"\n' +
          '- UR_AUTHZ_MODE must be one of filter, reject, got "maybe"',
      ),
    );
  });

  it('refuses a short context secret', () => {
    expect(() => loadConfig({ UR_CONTEXT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
