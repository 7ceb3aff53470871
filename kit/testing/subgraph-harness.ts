import { withSchemaLock } from '../orm/schema-lock';
import { randomBytes } from 'node:crypto';
import type { Caller } from '../auth/caller';
import { CONTEXT_HEADER, contextKey, signContext } from '../auth/context-token';
import type { SubgraphDefinition } from '../subgraph/define-subgraph';
import { type RunningSubgraph, startSubgraph } from '../subgraph/start-subgraph';
import {
  type DatabaseRuntimeOptions,
  type PreparedSubgraph,
  prepareSubgraph,
} from '../subgraph/prepare-subgraph';

/** A fresh secret per test run: nothing signed in one test is valid in another. */
export const TEST_SECRET = randomBytes(32).toString('base64url');

/**
 * Starts a subgraph on port 0 against in-memory SQLite, or against PostgreSQL in its own
 * schema when DATABASE_URL is set (the schema is dropped first, so each run starts clean).
 */
export async function startTestSubgraph(definition: SubgraphDefinition): Promise<RunningSubgraph> {
  const { options, cleanup } = await testDatabase(definition);
  const running = await startSubgraph(definition, {
    ...options,
    contextSecret: TEST_SECRET,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    ...running,
    async close() {
      await running.close();
      await cleanup();
    },
  };
}

/** A subgraph's database and schema without a server (the router's in-process platform). */
export async function prepareTestSubgraph(
  definition: SubgraphDefinition,
  /** A folder for a SQLite file instead of an in-memory database (another process can open a file). */
  onDisk?: string,
): Promise<PreparedSubgraph & { readonly options: DatabaseRuntimeOptions; close(): Promise<void> }> {
  const { options, cleanup } = await testDatabase(definition, onDisk);
  const prepared = await prepareSubgraph(definition, options);
  return {
    ...prepared,
    options,
    async close() {
      await prepared.orm.close(true);
      await cleanup();
    },
  };
}

/**
 * In-memory SQLite, or under DATABASE_URL a PostgreSQL schema of its own: test files run in
 * parallel, so each start is isolated, and its schema is dropped afterwards.
 */
async function testDatabase(definition: SubgraphDefinition, onDisk?: string) {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = `test_${definition.name.replace(/-/g, '_')}_${process.pid}_${++starts}`;
  if (databaseUrl) await dropSchema(databaseUrl, schema);
  const options: DatabaseRuntimeOptions = {
    dataDir: onDisk ?? '',
    databaseUrl,
    databaseSchema: schema,
    sqlitePath: onDisk ? undefined : ':memory:',
    seed: 'auto',
  };
  return { options, cleanup: async () => (databaseUrl ? dropSchema(databaseUrl, schema) : undefined) };
}

let starts = 0;

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const { Client } = await import('pg');
  await withSchemaLock(databaseUrl, async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
}

/** A caller as the router would sign it; clients declare a purpose, as the router requires for personal data. */
export function testCaller(scopes: string[], clientId: string | null = 'test-client'): Caller {
  return {
    clientId,
    agency: clientId ? 'NDC' : null,
    citizenId: null,
    scopes,
    purpose: clientId ? 'TEST_PURPOSE' : null,
    caseNumber: null,
    requestId: 'test',
  };
}

export interface GraphQLResponse {
  status: number;
  /** Response extensions, kept apart so tests can compare `body` whole (e.g. `urSubjects` for the audit). */
  extensions?: Record<string, unknown>;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs a query to a subgraph as the router would, with a signed context (or none). */
export async function callSubgraph(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller | null = testCaller([]),
): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller) headers[CONTEXT_HEADER] = await signContext(caller, contextKey(TEST_SECRET));
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const { extensions, ...body } = (await res.json()) as GraphQLResponse['body'] & {
    extensions?: Record<string, unknown>;
  };
  return { status: res.status, body, extensions };
}
