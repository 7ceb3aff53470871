import 'reflect-metadata';
import { FEDERATION_SUBGRAPHS } from './federation-workload/supergraph';
import { type RunningBenchSubgraph, serveBenchSubgraph } from './federation-workload/subgraph-server';
import { answerParent } from './ipc';
import { meterHandlers } from './meter';
import { trackAsyncContexts } from '../kit/runtime/async-context';

export type SubgraphSet =
  | { readonly kind: 'federation'; readonly only?: readonly string[] }
  | { readonly kind: 'national'; readonly contextSecret: string; readonly only?: readonly string[] };

export interface StartedSubgraphs {
  /** Subgraph name → GraphQL URL. */
  readonly urls: Record<string, string>;
  /** Subgraph name → agency code (national graph only). */
  readonly agencies: Record<string, string>;
}

/** Running totals across the subgraphs of this process. */
export interface SubgraphTotals {
  requests: number;
  entityRequests: number;
  representations: number;
  sql: number;
}

interface Counted {
  readonly name: string;
  readonly url: string;
  readonly stats: SubgraphTotals;
  close(): Promise<void>;
}

/**
 * Child process: the subgraphs a workload routes to, either the public benchmark's four
 * (in memory) or the national graph's (the kit's `startSubgraph`, in-memory SQLite, seeded).
 * Measured as well, for the run straight against one subgraph.
 */
let running: Counted[] = [];

async function startNational(contextSecret: string, only?: readonly string[]) {
  // Loaded only here: the federation child has no use for the ORM and the ministries' schemas.
  const { SUBGRAPHS } = await import('../subgraphs');
  const { startSubgraph } = await import('../kit/subgraph/start-subgraph');
  const wanted = SUBGRAPHS.filter((s) => !only || only.includes(s.name));
  const started = await Promise.all(
    wanted.map((definition) =>
      startSubgraph(definition, {
        contextSecret,
        host: '127.0.0.1',
        port: 0,
        dataDir: '',
        sqlitePath: ':memory:',
        seed: 'auto',
      }),
    ),
  );
  return {
    running: started as Counted[],
    agencies: Object.fromEntries(wanted.map((s) => [s.name, s.agency])),
  };
}

answerParent({
  ...meterHandlers(),
  async start(payload): Promise<StartedSubgraphs> {
    // As the production entry points: async context tracking released when idle (kit/runtime).
    trackAsyncContexts();
    const set = payload as SubgraphSet;
    let agencies: Record<string, string> = {};
    if (set.kind === 'national') {
      ({ running, agencies } = await startNational(set.contextSecret, set.only));
    } else {
      const wanted = FEDERATION_SUBGRAPHS.filter((s) => !set.only || set.only.includes(s.name));
      running = await Promise.all(wanted.map((s): Promise<RunningBenchSubgraph> => serveBenchSubgraph(s)));
    }
    return { urls: Object.fromEntries(running.map((s) => [s.name, s.url])), agencies };
  },
  async stats(): Promise<SubgraphTotals> {
    const totals: SubgraphTotals = { requests: 0, entityRequests: 0, representations: 0, sql: 0 };
    for (const { stats } of running) {
      totals.requests += stats.requests;
      totals.entityRequests += stats.entityRequests;
      totals.representations += stats.representations;
      totals.sql += stats.sql;
    }
    return totals;
  },
  async stop() {
    await Promise.all(running.map((s) => s.close()));
    return null;
  },
});
