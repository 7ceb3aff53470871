import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createContext } from './context';
import { type FederationStack, measureFederation, startFederation } from './federation-bench';
import { cpuLayout, pinSelf } from './ipc';
import { SETTINGS, type Settings } from './measure';
import { measureNational, type NationalStack, startNational } from './national-bench';
import { formatSection, machine, type Section, targetChecks } from './report';

const WORKLOADS = ['national', 'standard', 'pass-through', 'sweep'] as const;
type Workload = (typeof WORKLOADS)[number];

interface Args {
  readonly settings: Settings;
  readonly json?: string;
  readonly only: readonly Workload[];
  readonly audit: boolean;
}

const USAGE = `usage: npm run bench -- [--quick] [--json <file>] [--only ${WORKLOADS.join(',')}] [--concurrency <n>] [--no-audit]`;

function parseArgs(argv: readonly string[]): Args {
  let settings: Settings = SETTINGS.full;
  let json: string | undefined;
  let only: Workload[] = [...WORKLOADS];
  let concurrency: number | undefined;
  let audit = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--quick') settings = SETTINGS.quick;
    else if (arg === '--json') json = value();
    else if (arg === '--no-audit') audit = false;
    else if (arg === '--only') {
      only = value()
        .split(',')
        .map((w) => {
          if (!(WORKLOADS as readonly string[]).includes(w))
            throw new Error(`unknown workload ${w}\n${USAGE}`);
          return w as Workload;
        });
    } else if (arg === '--concurrency') {
      concurrency = Number(value());
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new Error(`--concurrency must be a positive integer`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { settings: concurrency ? { ...settings, concurrency } : settings, json, only, audit };
}

/** A run that hangs (a child that never answers) still stops by itself. */
const WATCHDOG_MS = { quick: 3 * 60_000, full: 15 * 60_000, test: 60_000 };

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { settings } = args;
  const t0 = performance.now();
  const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
  const log = (message: string) => process.stderr.write(`[bench ${since()}] ${message}\n`);
  setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS[settings.name] / 1000}s; giving up`);
    process.exit(2);
  }, WATCHDOG_MS[settings.name]).unref();

  const layout = cpuLayout();
  if (layout.pinned) pinSelf(layout.otherCores);
  const m = machine();
  const header = [
    `Ur National Graph benchmark (${settings.name === 'quick' ? '--quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.os}`,
    `cpu: ${layout.description}`,
    `load: ${settings.concurrency} concurrent keep-alive connections on 127.0.0.1 (prepared requests on raw sockets, bench/raw-http.ts), closed loop; each cell ` +
      `${settings.cellMs / 1000}s after ${settings.warmMs / 1000}s warm-up, ${settings.rounds} rounds, the targets in turn, forward then backward (ABBA); a pair measured together: ${settings.togetherRounds} cells, half of them on a second pair of processes started in the other order`,
    `columns: CPU and peak RSS are the measured process's own (router, or the subgraph run straight); core = its CPU per wall second;`,
    `         subgraph req/op, _entities/op, reps/op and SQL/op are counted in the subgraphs; errors = non-200 or GraphQL errors;`,
    `         own SQL/op = statements our router sends itself to its platform database (client registry reads, audit writes)`,
  ];
  log('starting');
  const ctx = await createContext(settings, layout, log, args.audit);
  const parts = {
    standard: args.only.includes('standard'),
    passThrough: args.only.includes('pass-through'),
    sweep: args.only.includes('sweep'),
  };
  const federation = parts.standard || parts.passThrough || parts.sweep;
  // Every process starts first (side by side, so the run is shorter), then the workloads are
  // measured one at a time while the others' processes sit idle.
  const started = await Promise.allSettled([
    args.only.includes('national') ? startNational(ctx) : undefined,
    federation ? startFederation(ctx, parts) : undefined,
  ]);
  const [nationalStack, federationStack] = started.map((s) =>
    s.status === 'fulfilled' ? s.value : undefined,
  ) as [NationalStack | undefined, FederationStack | undefined];
  const sections: Section[] = [];
  try {
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    if (nationalStack) sections.push(await measureNational(ctx, nationalStack));
    if (federationStack) sections.push(...(await measureFederation(ctx, federationStack, parts)));
  } finally {
    await Promise.all([nationalStack?.stack.stop(), federationStack?.stack.stop()]);
  }

  const out = [...header, ''];
  sections.forEach((section, i) => out.push(...formatSection(section, i + 1), ''));
  out.push(...targetChecks(sections), '', `finished in ${since()}`);
  console.log(out.join('\n'));
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: m,
          cpu: layout.description,
          settings,
          audit: args.audit,
          sections: sections.map(({ answer: _answer, ...section }) => section),
        },
        null,
        2,
      ) + '\n',
    );
    log(`figures written to ${args.json}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
