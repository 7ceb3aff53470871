/**
 * Every environment variable the project reads, in one place: parsed once at startup, validated,
 * and documented (README's configuration table is checked against this list by a test).
 */
export interface VariableSpec<T> {
  readonly name: string;
  readonly description: string;
  /** Shown in the docs; `undefined` means "none". */
  readonly defaultText: string;
  parse(raw: string | undefined): T;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function variable<T>(spec: VariableSpec<T>): VariableSpec<T> {
  return spec;
}

function port(name: string, fallback: number | undefined, description: string) {
  return variable<number | undefined>({
    name,
    description,
    defaultText: fallback === undefined ? '(per server)' : String(fallback),
    parse(raw) {
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
      }
      return n;
    },
  });
}

function oneOf<T extends string>(name: string, values: readonly T[], fallback: T, description: string) {
  return variable<T>({
    name,
    description: `${description} One of: ${values.join(', ')}.`,
    defaultText: fallback,
    parse(raw) {
      if (raw === undefined || raw === '') return fallback;
      if (!(values as readonly string[]).includes(raw)) {
        throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
      }
      return raw as T;
    },
  });
}

function text(name: string, fallback: string | undefined, description: string, defaultText?: string) {
  return variable<string | undefined>({
    name,
    description,
    defaultText: defaultText ?? fallback ?? '(none)',
    parse: (raw) => (raw === undefined || raw === '' ? fallback : raw),
  });
}

function wholeNumber(name: string, fallback: number, description: string, min = 1) {
  return variable<number>({
    name,
    description,
    defaultText: String(fallback),
    parse(raw) {
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || n < min) {
        throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
      }
      return n;
    },
  });
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const VARIABLES = {
  dataDir: text('UR_DATA_DIR', 'data', 'Folder for SQLite files and generated keys (never committed).'),
  databaseUrl: variable<string | undefined>({
    name: 'DATABASE_URL',
    description:
      'PostgreSQL connection URL (`postgres://…`) for production; each subgraph uses its own schema in it. Unset: SQLite files under UR_DATA_DIR.',
    defaultText: '(SQLite)',
    parse(raw) {
      if (raw === undefined || raw === '') return undefined;
      if (!/^postgres(ql)?:\/\//.test(raw)) {
        throw new ConfigError(
          `DATABASE_URL must be a postgres:// URL, got "${raw.replace(/:[^@/]*@/, ':***@')}"`,
        );
      }
      return raw;
    },
  }),
  host: text('UR_HOST', '127.0.0.1', 'Interface every server binds to.'),
  routerPort: port('UR_ROUTER_PORT', 4000, 'Router port.'),
  subgraphPort: port(
    'UR_PORT',
    undefined,
    'Port of a subgraph started alone (`main.ts`); default from the map, 4001–4010.',
  ),
  subgraphUrls: variable<Record<string, string>>({
    name: 'UR_SUBGRAPH_URLS',
    description:
      'Override subgraph URLs for the router: `name=url,name=url`. Unset: the routing URLs in the supergraph.',
    defaultText: '(from supergraph)',
    parse(raw) {
      const out: Record<string, string> = {};
      if (!raw) return out;
      for (const pair of raw.split(',')) {
        const [name, url] = pair.split('=');
        if (!name || !url || !/^https?:\/\//.test(url)) {
          throw new ConfigError(
            `UR_SUBGRAPH_URLS entries look like identity=http://host:4001/graphql, got "${pair}"`,
          );
        }
        out[name.trim()] = url.trim();
      }
      return out;
    },
  }),
  supergraphPath: text(
    'UR_SUPERGRAPH',
    'schema/supergraph.graphql',
    'Composed supergraph the router serves.',
  ),
  policyDryRun: text(
    'UR_POLICY_DRY_RUN',
    undefined,
    'A candidate supergraph file whose policy the router evaluates on every operation and reports in `extensions.urPolicyDryRun` (wouldDeny, wouldAllow), without enforcing it.',
  ),
  authzMode: oneOf(
    'UR_AUTHZ_MODE',
    ['filter', 'reject'] as const,
    'filter',
    'What the router does with fields the caller may not read: null them with an error, or reject the operation.',
  ),
  contextSecret: text(
    'UR_CONTEXT_SECRET',
    undefined,
    'Secret (32+ chars) the router signs subgraph context with. Unset: generated once into UR_DATA_DIR/keys.',
    '(generated)',
  ),
  redisUrl: variable<string | undefined>({
    name: 'REDIS_URL',
    description:
      'Redis for rate limits and token replay checks shared by every router replica. Unset: in-process memory (one replica only).',
    defaultText: '(memory)',
    parse(raw) {
      if (raw === undefined || raw === '') return undefined;
      if (!/^rediss?:\/\//.test(raw)) throw new ConfigError(`REDIS_URL must be a redis:// URL, got "${raw}"`);
      return raw;
    },
  }),
  anonymousRateLimit: variable<number>({
    name: 'UR_ANONYMOUS_RATE_LIMIT',
    description: 'Operations per minute an anonymous caller (per IP address) may send.',
    defaultText: '300',
    parse(raw) {
      if (raw === undefined || raw === '') return 300;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1)
        throw new ConfigError(`UR_ANONYMOUS_RATE_LIMIT must be a positive whole number, got "${raw}"`);
      return n;
    },
  }),
  nodeEnv: text(
    'NODE_ENV',
    'development',
    '`production` turns schema introspection off for anonymous callers (see UR_INTROSPECTION).',
  ),
  introspection: oneOf(
    'UR_INTROSPECTION',
    ['auto', 'all', 'authenticated', 'off'] as const,
    'auto',
    'Who may introspect the schema (`__schema`, `__type`): everyone, authenticated clients and citizens only, or nobody; auto is authenticated when NODE_ENV=production, else all.',
  ),
  maxDepth: wholeNumber('UR_MAX_DEPTH', 12, 'Deepest field nesting an operation may have (QUERY_TOO_DEEP).'),
  maxAliases: wholeNumber('UR_MAX_ALIASES', 30, 'Most aliases an operation may use (TOO_MANY_ALIASES).', 0),
  maxRootFields: wholeNumber(
    'UR_MAX_ROOT_FIELDS',
    20,
    'Most top-level fields an operation may select (TOO_MANY_ROOT_FIELDS).',
  ),
  maxCost: wholeNumber(
    'UR_MAX_COST',
    20000,
    'Highest estimated cost of an operation: each field 1, the fields under a list multiplied by its `first` (20 when absent, the largest page size for a variable) (QUERY_TOO_COSTLY).',
  ),
  maxBodyBytes: wholeNumber(
    'UR_MAX_BODY_BYTES',
    1024 * 1024,
    'Largest request body the router reads (PAYLOAD_TOO_LARGE).',
  ),
  maxConcurrentOperations: wholeNumber(
    'UR_MAX_CONCURRENT_OPERATIONS',
    16,
    'Operations the router runs at once; the next ones wait their turn in a queue. Bounds the router’s memory under load (each running operation holds its answer in memory); one process gains little throughput from running more at once.',
  ),
  maxQueuedOperations: wholeNumber(
    'UR_MAX_QUEUED_OPERATIONS',
    1000,
    'Operations that may wait for their turn; past that, or after 10 s of waiting, an operation is refused at once with 503 ROUTER_OVERLOADED and Retry-After. 0: none wait.',
    0,
  ),
  registryCacheMs: wholeNumber(
    'UR_REGISTRY_CACHE_MS',
    1000,
    'Milliseconds the router keeps a client’s registry entry (scopes, purposes, status) between reads. A change made through the platform’s mutations applies to that router’s next request; other replicas, and edits made in the database directly, see it within this time. 0: read on every request.',
    0,
  ),
  shareSubgraphCalls: oneOf(
    'UR_SHARE_SUBGRAPH_CALLS',
    ['on', 'off'] as const,
    'on',
    'Whether identical subgraph calls made at the same moment for callers with the same view (client, citizen, scopes, purpose, case) by query operations are made once and their answer given to each; mutations are never shared, and a mutation ends any sharing with calls begun before it.',
  ),
  subgraphTimeoutMs: wholeNumber(
    'UR_SUBGRAPH_TIMEOUT_MS',
    10000,
    'Milliseconds the router waits for each subgraph call (headers and body); then that subgraph’s fields are null with SUBGRAPH_UNAVAILABLE.',
  ),
  circuitFailures: wholeNumber(
    'UR_CIRCUIT_FAILURES',
    5,
    'Consecutive failed calls after which a subgraph’s circuit opens: its fields answer SUBGRAPH_UNAVAILABLE at once, without calling it.',
  ),
  circuitOpenSeconds: wholeNumber(
    'UR_CIRCUIT_OPEN_SECONDS',
    30,
    'Seconds an open circuit stays open; then one probe call is let through, and its success closes the circuit.',
  ),
  logLevel: oneOf(
    'UR_LOG_LEVEL',
    LOG_LEVELS,
    'info',
    'Level of the router’s JSON logs (pino, one line per request at info).',
  ),
  otlpEndpoint: variable<string | undefined>({
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description:
      'Base URL of an OpenTelemetry collector’s OTLP/HTTP receiver (e.g. `http://localhost:4318`): the router and each subgraph export their spans to `<url>/v1/traces`, one trace per operation joined by the W3C `traceparent` header. Unset: no tracing, at no cost.',
    defaultText: '(tracing off)',
    parse(raw) {
      if (raw === undefined || raw === '') return undefined;
      if (!/^https?:\/\/[^/]/.test(raw)) {
        throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "${raw}"`);
      }
      return raw;
    },
  }),
  seed: oneOf('UR_SEED', ['auto', 'never'] as const, 'auto', 'Seed demo data into empty databases on start.'),
} as const;

type Parsed<V> = V extends VariableSpec<infer T> ? T : never;
export type Config = { -readonly [K in keyof typeof VARIABLES]: Parsed<(typeof VARIABLES)[K]> };

/** Who may introspect, once `auto` is resolved against NODE_ENV. */
export function introspectionMode(config: Pick<Config, 'introspection' | 'nodeEnv'>) {
  if (config.introspection !== 'auto') return config.introspection;
  return config.nodeEnv === 'production' ? 'authenticated' : 'all';
}

/** Reads and validates every variable; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const out: Partial<Record<keyof Config, unknown>> = {};
  for (const [key, spec] of Object.entries(VARIABLES) as [keyof Config, VariableSpec<unknown>][]) {
    try {
      out[key] = spec.parse(env[spec.name]);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  const config = out as Config;
  if (config.contextSecret !== undefined && config.contextSecret.length < 32) {
    throw new ConfigError('Invalid configuration:\n- UR_CONTEXT_SECRET must be at least 32 characters');
  }
  return config;
}
