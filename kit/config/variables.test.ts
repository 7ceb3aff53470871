import { ConfigError, introspectionMode, loadConfig } from './variables';

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
      nodeEnv: 'development',
      introspection: 'auto',
      maxDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxCost: 20000,
      maxBodyBytes: 1048576,
      maxConcurrentOperations: 16,
      maxQueuedOperations: 1000,
      registryCacheMs: 1000,
      shareSubgraphCalls: 'on',
      subgraphTimeoutMs: 10000,
      circuitFailures: 5,
      circuitOpenSeconds: 30,
      logLevel: 'info',
    });
  });

  it('introspection: everyone in development, authenticated callers only in production, unless set', () => {
    expect(introspectionMode(loadConfig({}))).toBe('all');
    expect(introspectionMode(loadConfig({ NODE_ENV: 'production' }))).toBe('authenticated');
    expect(introspectionMode(loadConfig({ NODE_ENV: 'production', UR_INTROSPECTION: 'all' }))).toBe('all');
    expect(introspectionMode(loadConfig({ UR_INTROSPECTION: 'off' }))).toBe('off');
  });

  it('refuses limits that are not whole numbers', () => {
    expect(() =>
      loadConfig({
        UR_MAX_DEPTH: '0',
        UR_MAX_CONCURRENT_OPERATIONS: '0',
        UR_MAX_QUEUED_OPERATIONS: '-1',
        UR_SUBGRAPH_TIMEOUT_MS: '1.5',
        UR_LOG_LEVEL: 'loud',
      }),
    ).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '- UR_MAX_DEPTH must be a whole number of at least 1, got "0"\n' +
          '- UR_MAX_CONCURRENT_OPERATIONS must be a whole number of at least 1, got "0"\n' +
          '- UR_MAX_QUEUED_OPERATIONS must be a whole number of at least 0, got "-1"\n' +
          '- UR_SUBGRAPH_TIMEOUT_MS must be a whole number of at least 1, got "1.5"\n' +
          '- UR_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      ),
    );
  });

  it('reads overrides', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      UR_ROUTER_PORT: '0',
      UR_SUBGRAPH_URLS: 'identity=http://a:1/graphql,health=http://b:2/graphql',
      UR_AUTHZ_MODE: 'reject',
      UR_MAX_CONCURRENT_OPERATIONS: '8',
      UR_MAX_QUEUED_OPERATIONS: '0',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u@h:5432/db',
      routerPort: 0,
      subgraphUrls: { identity: 'http://a:1/graphql', health: 'http://b:2/graphql' },
      authzMode: 'reject',
      maxConcurrentOperations: 8,
      maxQueuedOperations: 0,
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
