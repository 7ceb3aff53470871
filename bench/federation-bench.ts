import { isDeepStrictEqual } from 'node:util';
import { type BenchContext, ourRouterNote, requestSpec } from './context';
import {
  composeFederationSupergraph,
  PASS_THROUGH_QUERY,
  STANDARD_QUERY,
  SWEEP_QUERY,
} from './federation-workload/supergraph';
import { type Child, startChild } from './ipc';
import type { RequestSpec } from './load';
import { compareTargets, countOne, type Target } from './measure';
import type { Section, SectionRow } from './report';
import type { ServeGatewayOptions } from './serve-gateway';
import type { ServeRouterOptions } from './serve-router';
import { ROUTER_NODE_FLAGS } from '../router/node-flags';
import type { StartedSubgraphs, SubgraphSet } from './serve-subgraphs';

export interface FederationParts {
  readonly standard: boolean;
  readonly passThrough: boolean;
  readonly sweep: boolean;
}

/** The client our router sees in the federation workload (authentication and policy run as usual). */
export const FEDERATION_CLIENT = 'planning-auditor';

interface Probe {
  readonly status: number;
  readonly body: unknown;
}

function answerOf(probe: Probe): { data?: unknown; errors?: unknown } {
  return typeof probe.body === 'object' && probe.body !== null ? (probe.body as { data?: unknown }) : {};
}

/**
 * Sends `spec` once through each target and insists on the same error-free answer from all:
 * a benchmark of wrong answers measures nothing.
 */
async function sameAnswer(targets: readonly Target[], spec: RequestSpec): Promise<unknown> {
  const answers = await Promise.all(targets.map(async (t) => ({ t, probe: await countOne(t, spec) })));
  const first = answers[0];
  if (!first) throw new Error('no target');
  for (const { t, probe } of answers) {
    const answer = answerOf(probe);
    if (probe.status !== 200 || answer.errors || !answer.data) {
      throw new Error(
        `${spec.label} through ${t.label}: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 500)}`,
      );
    }
    if (!isDeepStrictEqual(answer.data, answerOf(first.probe).data)) {
      throw new Error(`${spec.label}: ${t.label} and ${first.t.label} answer differently`);
    }
  }
  return answerOf(first.probe).data;
}

/**
 * The processes of one workload. Each child is remembered as soon as it is spawned, so `stop`
 * ends it even when its server failed to start or a sibling's start failed first.
 */
export class Stack {
  private readonly children: Child[] = [];

  async start<T>(
    script: string,
    cores: string,
    options: ServeRouterOptions | ServeGatewayOptions | SubgraphSet,
    nodeArgs: readonly string[] = [],
  ): Promise<{ child: Child; started: T }> {
    const child = startChild(script, cores, {}, nodeArgs);
    this.children.push(child);
    return { child, started: await child.request<T>('start', options) };
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map((c) => c.stop()));
  }
}

/** The federation workload's processes, started and idle. */
export interface FederationStack {
  readonly stack: Stack;
  readonly ours: Target;
  /** Our router with sharing of identical calls in flight off. */
  readonly unshared: Target;
  readonly gateway: Target;
  /** The accounts subgraph alone on the measured core (pass-through only). */
  readonly direct?: Target;
}

/** Starts the four subgraphs, our router and the plain gateway (and accounts alone, for pass-through). */
export async function startFederation(ctx: BenchContext, parts: FederationParts): Promise<FederationStack> {
  const { layout } = ctx;
  const stack = new Stack();
  try {
    ctx.log('federation: starting the four subgraphs, our router and the plain gateway');
    const subgraphs = await stack.start<StartedSubgraphs>('serve-subgraphs', layout.otherCores, {
      kind: 'federation',
    });
    const supergraphSdl = composeFederationSupergraph(subgraphs.started.urls);
    const router = (shareFetches: boolean) =>
      stack.start<{ url: string }>(
        'serve-router',
        layout.measuredCores,
        {
          supergraphSdl,
          subgraphUrls: subgraphs.started.urls,
          platformPublicKeyPem: ctx.platformPublicKeyPem,
          contextSecret: ctx.contextSecret,
          audit: ctx.audit,
          shareFetches,
        },
        ROUTER_NODE_FLAGS,
      );
    const [ours, unshared, gateway, direct] = await Promise.all([
      router(true),
      router(false),
      stack.start<{ url: string }>('serve-gateway', layout.measuredCores, {
        supergraphSdl,
        subgraphUrls: subgraphs.started.urls,
      }),
      parts.passThrough
        ? stack.start<StartedSubgraphs>('serve-subgraphs', layout.measuredCores, {
            kind: 'federation',
            only: ['accounts'],
          })
        : undefined,
    ]);
    return {
      stack,
      ours: {
        key: 'ours',
        label: 'ours',
        url: ours.started.url,
        meter: ours.child,
        subgraphs: subgraphs.child,
      },
      unshared: {
        key: 'unshared',
        label: 'ours, no sharing',
        url: unshared.started.url,
        meter: unshared.child,
        subgraphs: subgraphs.child,
      },
      gateway: {
        key: 'gateway',
        label: 'plain gateway',
        url: gateway.started.url,
        meter: gateway.child,
        subgraphs: subgraphs.child,
      },
      direct: direct && {
        key: 'direct',
        label: 'accounts subgraph straight',
        url: direct.started.urls.accounts as string,
        meter: direct.child,
        subgraphs: direct.child,
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * Workload 2: the public federation benchmark's four subgraphs, the standard query, the
 * pass-through query and the list sweep, through our router and through a plain gateway.
 */
export async function runFederation(ctx: BenchContext, parts: FederationParts): Promise<Section[]> {
  const running = await startFederation(ctx, parts);
  try {
    return await measureFederation(ctx, running, parts);
  } finally {
    await running.stack.stop();
  }
}

export async function measureFederation(
  ctx: BenchContext,
  running: FederationStack,
  parts: FederationParts,
): Promise<Section[]> {
  const { settings } = ctx;
  const sections: Section[] = [];
  const routers = [running.ours, running.unshared, running.gateway];
  const headers = await ctx.headersFor(FEDERATION_CLIENT);
  const common = [
    ourRouterNote(`client ${FEDERATION_CLIENT}, purpose ${headers['ur-purpose']}`, ctx.audit),
    `ours shares identical subgraph calls in flight (UR_SHARE_SUBGRAPH_CALLS=on, the default; every connection here is the same client asking the same); "ours, no sharing" makes every call itself`,
    `plain gateway: new ApolloGateway({ supergraphSdl }) in a default new ApolloServer({ gateway }), served by the same node:http adapter as ours (kit/http serve + runApollo)`,
  ];

  if (parts.standard) {
    const spec = requestSpec('standard query', STANDARD_QUERY, undefined, headers);
    const data = (await sameAnswer(routers, spec)) as { users: unknown[]; topProducts: unknown[] };
    ctx.log('federation: standard query');
    sections.push({
      id: 'standard',
      title:
        'Standard federation benchmark (accounts, inventory, products, reviews; the standard query with fragments)',
      notes: [
        ...common,
        `answers identical through both: ${data.users.length} users, ${data.topProducts.length} top products, ${spec.body.length} bytes sent`,
      ],
      rows: await compareTargets(routers, [spec], settings, (m) => ctx.log(`standard: ${m}`)),
      answer: data,
    });
  }

  if (parts.passThrough) {
    const directTarget = running.direct;
    if (!directTarget) throw new Error('pass-through needs the accounts subgraph started alone');
    ctx.log('federation: pass-through');
    const spec = requestSpec('pass-through', PASS_THROUGH_QUERY, undefined, headers);
    await sameAnswer([...routers, directTarget], spec);
    sections.push({
      id: 'pass-through',
      title: `Pass-through: ${PASS_THROUGH_QUERY}, answered by accounts alone`,
      notes: [
        ...common,
        'subgraph straight: a second accounts process on the measured core (its CPU and memory in the router columns)',
      ],
      rows: await compareTargets([...routers, directTarget], [spec], settings, (m) =>
        ctx.log(`pass-through: ${m}`),
      ),
    });
  }

  if (parts.sweep) {
    const rows: SectionRow[] = [];
    for (const n of settings.sweep) {
      const spec = requestSpec(`sweep N=${n}`, SWEEP_QUERY, { n }, headers);
      const data = (await sameAnswer(routers, spec)) as { productsN: unknown[] };
      if (data.productsN.length !== n) throw new Error(`sweep N=${n}: ${data.productsN.length} items`);
      ctx.log(`federation: list sweep N=${n}`);
      const measured = await compareTargets(routers, [spec], settings, (m) => ctx.log(`sweep N=${n}: ${m}`));
      rows.push(...measured.map((r) => ({ ...r, items: n })));
    }
    sections.push({
      id: 'sweep',
      title: `List sweep: ${SWEEP_QUERY.replace(/^query Sweep\(\$n: Int!\) /, '')}`,
      notes: [
        'N items cycling over 9 products: each needs inventory (@requires price weight) and reviews entity fetches;',
        'at most 9 distinct keys per subgraph, so a router that dedupes sends at most 2 × 9 = 18 representations',
      ],
      rows,
    });
  }
  return sections;
}
