import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPlatformPrivateKey, issueClientToken } from '../../kit/auth/client-token';
import type { RunningSubgraph } from '../../kit/subgraph/start-subgraph';
import { startTestSubgraph, TEST_SECRET } from '../../kit/testing/subgraph-harness';
import { StaticClientRegistry } from '../../router/clients/demo-clients';
import type { RegisteredClient } from '../../router/clients/client';
import type { AuthzMode } from '../../router/pipeline/policy-gateway';
import { type RunningRouter, startRouter } from '../../router/start-router';
import { SUBGRAPHS } from '../../subgraphs';

export interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

export interface NationalGraph {
  readonly router: RunningRouter;
  readonly subgraphs: Record<string, RunningSubgraph>;
  /** A platform-issued token for a client id (need not be registered). */
  token(clientId: string, ttlSeconds?: number): Promise<string>;
  /** POSTs an operation to the router as `client` (anonymous when omitted). */
  query(
    query: string,
    variables?: Record<string, unknown>,
    as?: { client?: string; token?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * The whole national graph on port 0, as `npm start` runs it but in one process: every subgraph
 * (in-memory SQLite, or its own PostgreSQL schema under DATABASE_URL), and the router serving
 * the committed supergraph.
 */
export async function startNationalGraph(
  options: { authzMode?: AuthzMode; clients?: readonly RegisteredClient[]; only?: string[] } = {},
): Promise<NationalGraph> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const signingKey = await importPlatformPrivateKey(privateKey);
  const subgraphs: Record<string, RunningSubgraph> = {};
  const wanted = SUBGRAPHS.filter((s) => !options.only || options.only.includes(s.name));
  for (const running of await Promise.all(wanted.map((d) => startTestSubgraph(d)))) {
    subgraphs[running.name] = running;
  }
  const router = await startRouter({
    supergraphSdl: readFileSync('schema/supergraph.graphql', 'utf8'),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
    agencies: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.agency])),
    platformPublicKeyPem: publicKey,
    contextSecret: TEST_SECRET,
    clients: new StaticClientRegistry(options.clients),
    authzMode: options.authzMode ?? 'filter',
    host: '127.0.0.1',
    port: 0,
  });
  const token = (clientId: string, ttl?: number) => issueClientToken(clientId, signingKey, ttl);
  return {
    router,
    subgraphs,
    token,
    async query(query, variables = {}, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...as.headers };
      const bearer = as.token ?? (as.client ? await token(as.client) : undefined);
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const res = await fetch(router.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    },
    async close() {
      await router.close();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
    },
  };
}
