import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, print } from 'graphql';
import { parseSupergraph } from '../router/supergraph/load-supergraph';
import { stripSecurityFeatures } from '../router/supergraph/strip-security-features';
import { type BenchContext, ourRouterNote, repoRoot, requestSpec } from './context';
import { Stack } from './federation-bench';
import type { Child } from './ipc';
import type { RequestSpec } from './load';
import { compareTargets, compareTogether, countOne, type Target } from './measure';
import {
  fallbackCitizen,
  FIND_CITIZEN_WITH_RECORD,
  NATIONAL_QUERIES,
  type NationalQuery,
  withCitizen,
} from './national-workload';
import type { Section } from './report';
import type { ServeRouterOptions } from './serve-router';
import { ROUTER_NODE_FLAGS } from '../router/node-flags';
import type { StartedSubgraphs } from './serve-subgraphs';

/** Where a subgraph that is in the supergraph but not started is routed: a closed loopback port. */
const NOWHERE = 'http://127.0.0.1:9/graphql';

interface Answer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

function asAnswer(body: unknown): Answer {
  return typeof body === 'object' && body !== null ? (body as Answer) : {};
}

/** Why an answer (status, parsed body) is not a correct one: GraphQL errors, not 200, or no data. */
export function problem(status: number, body: unknown): string | undefined {
  const answer = asAnswer(body);
  const error = answer.errors?.[0];
  if (error) return `${error.extensions?.code ?? 'ERROR'}: ${error.message ?? ''}`.slice(0, 160);
  if (status !== 200 || !answer.data) return `HTTP ${status}`;
  return undefined;
}

/** The label of our router with permissions and audit off, in tables, checks and skip reasons. */
export const BARE_LABEL = 'ours, permissions + audit off';

/** The national workload's processes, started and idle. */
export interface NationalStack {
  readonly stack: Stack;
  readonly ours: Target;
  /** Our router with permissions and audit off: what the trust layer's checks cost, by difference. */
  readonly bare: Target;
  readonly gateway: Target;
  readonly started: readonly string[];
  /** In the supergraph but not started by the benchmark. */
  readonly notStarted: readonly string[];
  /** Starts another pair of our routers on the same subgraphs, `first` started first. */
  readonly startPair: (first: 'ours' | 'bare') => Promise<RouterPair>;
}

/** Our router and our router with permissions and audit off, on one set of subgraphs. */
export interface RouterPair {
  readonly ours: Target;
  readonly bare: Target;
}

/** The national graph's subgraphs, started in a child of a stack, and how a router reaches them. */
export interface NationalSubgraphs {
  readonly child: Child;
  readonly supergraphSdl: string;
  /** Every subgraph of the supergraph: started ones at their URL, the others at a closed port. */
  readonly subgraphUrls: Record<string, string>;
  readonly agencies: Record<string, string>;
  readonly started: readonly string[];
  readonly notStarted: readonly string[];
}

/** Starts the national graph's subgraphs (in-memory SQLite, seeded) in one child of `stack`. */
export async function startNationalSubgraphs(ctx: BenchContext, stack: Stack): Promise<NationalSubgraphs> {
  const supergraphSdl = readFileSync(join(repoRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  const inSupergraph = Object.keys(parseSupergraph(supergraphSdl).routingUrls);
  const subgraphs = await stack.start<StartedSubgraphs>('serve-subgraphs', ctx.layout.otherCores, {
    kind: 'national',
    contextSecret: ctx.contextSecret,
  });
  const notStarted = inSupergraph.filter((name) => !subgraphs.started.urls[name]);
  return {
    child: subgraphs.child,
    supergraphSdl,
    subgraphUrls: {
      ...Object.fromEntries(notStarted.map((name) => [name, NOWHERE])),
      ...subgraphs.started.urls,
    },
    agencies: subgraphs.started.agencies,
    started: Object.keys(subgraphs.started.urls),
    notStarted,
  };
}

/** How the national workload starts our router (`serve-router`) in front of `subgraphs`. */
export function ourRouterOptions(ctx: BenchContext, subgraphs: NationalSubgraphs): ServeRouterOptions {
  return {
    supergraphSdl: subgraphs.supergraphSdl,
    subgraphUrls: subgraphs.subgraphUrls,
    agencies: subgraphs.agencies,
    platformPublicKeyPem: ctx.platformPublicKeyPem,
    contextSecret: ctx.contextSecret,
    audit: ctx.audit,
    // This workload measures the trust layer: with sharing on, each variant's CPU per request moved
    // with how many calls happened to overlap (one run: 0.87 against 0.95 subgraph calls per
    // operation, the next 1.48 against 1.23), which swamped the difference measured. The
    // federation workloads show sharing.
    shareFetches: false,
  };
}

/**
 * Our router with permissions and audit off: the same child entry given the supergraph with the
 * security features stripped (the plain gateway's supergraph, so its policy is empty) and no audit
 * sink. It still authenticates every caller against the registry and signs the subgraph context:
 * the subgraphs answer nobody without it.
 */
export function bareRouterOptions(ctx: BenchContext, subgraphs: NationalSubgraphs): ServeRouterOptions {
  return {
    ...ourRouterOptions(ctx, subgraphs),
    supergraphSdl: print(stripSecurityFeatures(parse(subgraphs.supergraphSdl))),
    audit: false,
  };
}

/**
 * Starts the national graph's subgraphs (in-memory SQLite, seeded) in one child, our router in
 * another, our router with permissions and audit off in a third, and the plain gateway (stripped
 * supergraph, signing the context) in a fourth.
 */
export async function startNational(ctx: BenchContext): Promise<NationalStack> {
  const { layout } = ctx;
  const stack = new Stack();
  try {
    ctx.log(
      'national: starting the subgraphs (in-memory SQLite, seeding), our router (twice: as is, and with ' +
        'permissions + audit off) and the plain gateway',
    );
    const subgraphs = await startNationalSubgraphs(ctx, stack);
    // One after the other, in the order asked: which one starts first is part of what is measured
    // (see compareTogether).
    const startPair = async (first: 'ours' | 'bare'): Promise<RouterPair> => {
      const start = async (key: 'ours' | 'bare'): Promise<Target> => {
        const options = key === 'ours' ? ourRouterOptions(ctx, subgraphs) : bareRouterOptions(ctx, subgraphs);
        const router = await stack.start<{ url: string }>(
          'serve-router',
          layout.measuredCores,
          options,
          ROUTER_NODE_FLAGS,
        );
        return {
          key,
          label: key === 'ours' ? 'ours' : BARE_LABEL,
          url: router.started.url,
          meter: router.child,
          subgraphs: subgraphs.child,
        };
      };
      const a = await start(first);
      const b = await start(first === 'ours' ? 'bare' : 'ours');
      return first === 'ours' ? { ours: a, bare: b } : { ours: b, bare: a };
    };
    const [{ ours, bare }, gateway] = await Promise.all([
      startPair('ours'),
      stack.start<{ url: string }>('serve-gateway', layout.measuredCores, {
        supergraphSdl: subgraphs.supergraphSdl,
        subgraphUrls: subgraphs.subgraphUrls,
        contextSecret: ctx.contextSecret,
      }),
    ]);
    return {
      stack,
      ours,
      bare,
      gateway: {
        key: 'gateway',
        label: 'plain gateway',
        url: gateway.started.url,
        meter: gateway.child,
        subgraphs: subgraphs.child,
      },
      started: subgraphs.started,
      notStarted: subgraphs.notStarted,
      startPair,
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** A citizen with a disability record (health), or any demo citizen when health is not in the graph. */
export async function findCitizen(ctx: BenchContext, ours: Target): Promise<string> {
  const headers = await ctx.headersFor(FIND_CITIZEN_WITH_RECORD.client);
  const probe = await countOne(
    ours,
    requestSpec('find citizen', FIND_CITIZEN_WITH_RECORD.query, {}, headers),
  );
  const edges = (asAnswer(probe.body).data as { disabilityRecords?: { edges?: unknown[] } } | undefined)
    ?.disabilityRecords?.edges;
  const first = edges?.[0] as { node?: { citizen?: { nationalId?: string } } } | undefined;
  return first?.node?.citizen?.nationalId ?? fallbackCitizen();
}

/**
 * Workload 1: realistic cross-agency queries of the demo clients through our router (permissions,
 * purposes, audit on), through our router with permissions and audit off, and through the plain
 * gateway. Each query is first sent once through all three: one the supergraph cannot answer yet,
 * or that they answer differently, is skipped and listed.
 */
export async function measureNational(
  ctx: BenchContext,
  running: NationalStack,
  queries: readonly NationalQuery[] = NATIONAL_QUERIES,
): Promise<Section> {
  const { ours, bare, gateway } = running;
  const citizen = await findCitizen(ctx, ours);
  const mix: RequestSpec[] = [];
  const skipped: string[] = [];
  const details: string[] = ['per query, one request each (subgraph requests / representations / SQL):'];
  for (const q of queries) {
    const spec = requestSpec(
      q.name,
      q.query,
      withCitizen(q.variables, citizen),
      await ctx.headersFor(q.client),
    );
    const viaOurs = await countOne(ours, spec);
    const oursProblem = problem(viaOurs.status, viaOurs.body);
    if (oursProblem) {
      skipped.push(`${q.name} (${oursProblem})`);
      continue;
    }
    const viaBare = await countOne(bare, spec);
    const bareProblem = problem(viaBare.status, viaBare.body);
    if (bareProblem) {
      skipped.push(`${q.name} (${BARE_LABEL}: ${bareProblem})`);
      continue;
    }
    const viaGateway = await countOne(gateway, spec);
    const gatewayProblem = problem(viaGateway.status, viaGateway.body);
    if (gatewayProblem) {
      skipped.push(`${q.name} (plain gateway: ${gatewayProblem})`);
      continue;
    }
    const data = asAnswer(viaOurs.body).data;
    if (!isDeepStrictEqual(data, asAnswer(viaBare.body).data)) {
      skipped.push(`${q.name} (ours and ${BARE_LABEL} answer differently)`);
      continue;
    }
    if (!isDeepStrictEqual(data, asAnswer(viaGateway.body).data)) {
      skipped.push(`${q.name} (ours and the plain gateway answer differently)`);
      continue;
    }
    mix.push(spec);
    const c = (s: typeof viaOurs.sub) => `${s.requests} / ${s.representations} / ${s.sql}`.padEnd(12);
    details.push(
      `  ${q.name.padEnd(28)} ${(q.client ?? 'anonymous').padEnd(19)} ours ${c(viaOurs.sub)} ` +
        `permissions + audit off ${c(viaBare.sub)} plain gateway ${c(viaGateway.sub)}`.trimEnd(),
    );
  }
  const notes = [
    `subgraphs: ${running.started.join(', ')} (in-memory SQLite, demo data)` +
      (running.notStarted.length
        ? `; in the supergraph but not started here (routed to a closed port unless the router serves them itself): ${running.notStarted.join(', ')}`
        : ''),
    `query mix (round-robin, each as its demo client with its purpose): ${mix.map((s) => s.label).join(', ') || 'none'}`,
    'both our routers here make every subgraph call themselves (UR_SHARE_SUBGRAPH_CALLS=off): sharing would move their CPU per request by how many calls overlap, not by the trust layer',
    `skipped (not answerable by this supergraph yet): ${skipped.join('; ') || 'none'}`,
    ourRouterNote('the demo clients', ctx.audit),
    `${BARE_LABEL}: the same router, started the same way, given the supergraph with the security features ` +
      `stripped (empty policy: the policy step finds nothing to check, no purpose required) and no audit sink; ` +
      `it still authenticates every caller against the registry, checks rate limits and signs the subgraph context`,
    `plain gateway: the same supergraph with the security features stripped; it authenticates no one but signs the ` +
      `subgraph context (same secret, once per request, from the token's unverified subject) or the subgraphs answer 401`,
  ];
  const base = {
    id: 'national' as const,
    audit: ctx.audit,
    notes,
    details,
    ran: mix.map((s) => s.label),
    skipped,
  };
  if (!mix.length) return { ...base, title: 'National graph: no query answerable yet', rows: [] };
  ctx.log(`national: mix of ${mix.length} queries`);
  const rows = await compareTargets([ours, bare, gateway], mix, ctx.settings, (m) =>
    ctx.log(`national: ${m}`),
  );
  // Both at once, each at two fifths of the slower variant's closed-loop rate: together they ask
  // the subgraphs for four fifths of it, so neither router waits on them.
  const slower = Math.min(...rows.filter((r) => r.target !== 'gateway').map((r) => r.reqPerSec));
  const ratePerSec = Math.max(1, Math.floor(0.4 * slower));
  ctx.log(`national: ours and ${BARE_LABEL} together, at ${ratePerSec} req/s each`);
  // Half the rounds on these two processes, half on a new pair started the other way round.
  const sessions = [
    async () => [ours, bare],
    async () => {
      await Promise.all([ours.meter.stop(), bare.meter.stop()]);
      const pair = await running.startPair('bare');
      return [pair.ours, pair.bare];
    },
  ];
  const paced = await compareTogether(sessions, mix, ctx.settings, ratePerSec, (m) =>
    ctx.log(`national at ${ratePerSec} req/s: ${m}`),
  );
  return {
    ...base,
    title: `National graph: ${mix.length} cross-agency queries of the demo clients`,
    rows,
    equalRate: { ratePerSec, rows: paced },
  };
}

export async function runNational(ctx: BenchContext): Promise<Section> {
  const running = await startNational(ctx);
  try {
    return await measureNational(ctx, running);
  } finally {
    await running.stack.stop();
  }
}
