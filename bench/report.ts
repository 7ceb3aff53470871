import { cpus, platform, arch, totalmem } from 'node:os';
import type { Row } from './measure';

/** One table of the output: a workload, its rows, and what to know when reading it. */
export interface Section {
  readonly id: 'national' | 'standard' | 'pass-through' | 'sweep';
  readonly title: string;
  readonly notes: readonly string[];
  readonly rows: readonly SectionRow[];
  /** Extra pre-formatted lines printed under the table (e.g. per-query counts). */
  readonly details?: readonly string[];
  /** National workload: the queries measured, and those skipped with why. */
  readonly ran?: readonly string[];
  readonly skipped?: readonly string[];
  /** National workload: whether our router audited (false with --no-audit). */
  readonly audit?: boolean;
  /**
   * National workload: ours and ours with permissions + audit off again, measured together, each
   * at one steady rate (open loop): the trust layer's share is read from these.
   */
  readonly equalRate?: { readonly ratePerSec: number; readonly rows: readonly SectionRow[] };
  /** Standard workload: the answer both routers gave (checked by the test; left out of --json). */
  readonly answer?: unknown;
}

export type SectionRow = Row & { readonly items?: number };

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly os: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${platform()} ${arch()}`,
  };
}

function num(n: number | undefined, digits: number): string {
  if (n === undefined || !Number.isFinite(n)) return '–';
  return n.toFixed(digits);
}

/** Per-operation counts: integers print as integers, the rest with two decimals. */
function count(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

interface Column {
  readonly head: string;
  readonly cell: (row: SectionRow) => string;
  readonly left?: boolean;
}

const COLUMNS: readonly Column[] = [
  { head: 'target', cell: (r) => r.label, left: true },
  { head: 'req/s', cell: (r) => num(r.reqPerSec, r.reqPerSec >= 100 ? 0 : 1) },
  { head: 'p50 ms', cell: (r) => num(r.p50Ms, 2) },
  { head: 'p99 ms', cell: (r) => num(r.p99Ms, 2) },
  { head: 'CPU ms/req', cell: (r) => num(r.cpuMsPerReq, 3) },
  { head: 'core', cell: (r) => (Number.isFinite(r.coreShare) ? `${Math.round(r.coreShare * 100)}%` : '–') },
  { head: 'peak RSS MB', cell: (r) => num(r.peakRssMb, 0) },
  { head: 'subgraph req/op', cell: (r) => count(r.subgraphReqPerOp) },
  { head: '_entities/op', cell: (r) => count(r.entityReqPerOp) },
  { head: 'reps/op', cell: (r) => count(r.repsPerOp) },
];

const SQL: Column = { head: 'SQL/op', cell: (r) => count(r.sqlPerOp) };
/** Statements our router sends itself, to its platform database: registry reads and audit writes. */
const OWN_SQL: Column = {
  head: 'own SQL/op',
  cell: (r) => (r.target === 'gateway' || r.target === 'direct' ? '–' : count(r.ownSqlPerOp)),
};
const PER_ITEM: Column = {
  head: 'CPU µs/item',
  cell: (r) => (r.items ? num((r.cpuMsPerReq * 1000) / r.items, 2) : '–'),
};
const ERRORS: Column = { head: 'errors', cell: (r) => `${r.errors}/${r.requests}` };

export function table(rows: readonly SectionRow[], columns: readonly Column[]): string[] {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) =>
    Math.max(c.head.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.left ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.head)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

function find(rows: readonly SectionRow[], key: Row['target'], items?: number): SectionRow | undefined {
  return rows.find((r) => r.target === key && r.items === items);
}

/**
 * Ratio lines: ours against the plain gateway (and against the subgraph itself, for pass-through;
 * and against itself with permissions and audit off, for the national graph).
 */
function ratios(section: Section): string[] {
  const out: string[] = [];
  const sizes = [...new Set(section.rows.map((r) => r.items))];
  for (const items of sizes) {
    const ours = find(section.rows, 'ours', items);
    const gateway = find(section.rows, 'gateway', items);
    const at = items === undefined ? '' : ` (N=${items})`;
    if (ours && gateway) {
      out.push(
        `ours / plain gateway${at}: req/s ${ratio(ours.reqPerSec, gateway.reqPerSec)}, ` +
          `CPU/req ${ratio(ours.cpuMsPerReq, gateway.cpuMsPerReq)}, p99 ${ratio(ours.p99Ms, gateway.p99Ms)}`,
      );
    }
    const unshared = find(section.rows, 'unshared', items);
    if (unshared && gateway) {
      out.push(
        `ours, no sharing / plain gateway${at}: req/s ${ratio(unshared.reqPerSec, gateway.reqPerSec)}, ` +
          `CPU/req ${ratio(unshared.cpuMsPerReq, gateway.cpuMsPerReq)}, p99 ${ratio(unshared.p99Ms, gateway.p99Ms)}`,
      );
    }
    const bare = find(section.rows, 'bare', items);
    if (ours && bare) {
      out.push(
        `ours / ours with permissions + audit off${at}: req/s ${ratio(ours.reqPerSec, bare.reqPerSec)}, ` +
          `CPU/req ${ratio(ours.cpuMsPerReq, bare.cpuMsPerReq)}, p99 ${ratio(ours.p99Ms, bare.p99Ms)}`,
      );
    }
    if (bare && gateway) {
      out.push(
        `ours with permissions + audit off / plain gateway${at}: req/s ${ratio(bare.reqPerSec, gateway.reqPerSec)}, ` +
          `CPU/req ${ratio(bare.cpuMsPerReq, gateway.cpuMsPerReq)}`,
      );
    }
    const direct = find(section.rows, 'direct', items);
    if (direct && ours)
      out.push(`ours / subgraph straight: req/s ${ratio(ours.reqPerSec, direct.reqPerSec)}`);
    if (direct && unshared)
      out.push(`ours, no sharing / subgraph straight: req/s ${ratio(unshared.reqPerSec, direct.reqPerSec)}`);
    if (direct && gateway) {
      out.push(`plain gateway / subgraph straight: req/s ${ratio(gateway.reqPerSec, direct.reqPerSec)}`);
    }
  }
  return out;
}

/** Our router's audit copier, a process of its own: its figures, which the router's columns leave out. */
function companionLines(rows: readonly SectionRow[]): string[] {
  return rows
    .filter((r) => r.companion)
    .map(
      (r) =>
        `   ${r.label}: its audit copier process, not in the columns above: ` +
        `${num(r.companion?.cpuMsPerReq, 3)} ms CPU/req, peak RSS ${num(r.companion?.peakRssMb, 0)} MB`,
    );
}

export function formatSection(section: Section, index: number): string[] {
  const columns = [
    ...COLUMNS,
    ...(section.id === 'national' ? [SQL] : []),
    OWN_SQL,
    ...(section.id === 'sweep' ? [PER_ITEM] : []),
    ERRORS,
  ];
  const rows =
    section.id === 'sweep'
      ? section.rows.map((r) => ({ ...r, label: `${r.label} N=${r.items}` }))
      : section.rows;
  const out = [`${index}. ${section.title}`, ...section.notes.map((n) => `   ${n}`), ''];
  out.push(...table(rows, columns).map((l) => `   ${l}`));
  out.push(...companionLines(rows));
  out.push('', ...ratios(section).map((l) => `   ${l}`));
  for (const row of section.rows) {
    if (row.firstError) out.push(`   first error (${row.label}): ${row.firstError}`);
  }
  if (section.equalRate) {
    const { ratePerSec, rows: paced } = section.equalRate;
    out.push(
      '',
      `   the same two measured together over the same seconds, each at a steady ${ratePerSec} req/s (open loop: equal work per second and the same machine, so CPU/req compares like for like; latency from when each request was due):`,
      '',
      ...table(paced, columns).map((l) => `   ${l}`),
      ...companionLines(paced),
      '',
      ...ratios({ ...section, rows: paced }).map((l) => `   ${l}`),
    );
    for (const row of paced) {
      if (row.firstError) out.push(`   first error (${row.label}, steady rate): ${row.firstError}`);
    }
  }
  if (section.details?.length) out.push('', ...section.details.map((l) => `   ${l}`));
  return out;
}

interface Check {
  readonly goal: string;
  readonly now: string;
  readonly met: boolean | undefined;
}

/** The targets, each with today's figure: what the optimisation work is checked against. */
export function targetChecks(sections: readonly Section[]): string[] {
  const byId = (id: Section['id']) => sections.find((s) => s.id === id);
  const checks: Check[] = [];
  const national = byId('national');
  // At equal rates when measured so: in a closed loop the two run at different rates.
  const nRows = national?.equalRate?.rows ?? national?.rows ?? [];
  const nOurs = find(nRows, 'ours');
  const nBare = find(nRows, 'bare');
  const at = national?.equalRate ? `, both at ${national.equalRate.ratePerSec} req/s` : '';
  if (national && nOurs && nBare) {
    // The share of our router's CPU that goes away with permissions and audit off. With --no-audit
    // both run without the audit, so the difference is the permissions alone.
    const share = 1 - nBare.cpuMsPerReq / nOurs.cpuMsPerReq;
    const audit = national.audit !== false;
    const copier = nOurs.companion
      ? `; counting its audit copier's ${nOurs.companion.cpuMsPerReq.toFixed(3)} ms too: ` +
        `${((1 - nBare.cpuMsPerReq / (nOurs.cpuMsPerReq + nOurs.companion.cpuMsPerReq)) * 100).toFixed(1)}%`
      : '';
    checks.push({
      goal: audit
        ? 'permissions + audit ≤ 10% of router CPU (national)'
        : 'permissions ≤ 10% of router CPU (national; --no-audit: audit not counted)',
      now:
        `${Number.isFinite(share) ? (share * 100).toFixed(1) : '–'}% ` +
        `(1 − ${nBare.cpuMsPerReq.toFixed(3)} ÷ ${nOurs.cpuMsPerReq.toFixed(3)} ms CPU/req: ` +
        `${audit ? 'permissions + audit off' : 'permissions off'} vs ours${at}${copier})`,
      met: Number.isFinite(share) ? share <= 0.1 : undefined,
    });
  }
  const standard = byId('standard');
  const sOurs = standard && find(standard.rows, 'ours');
  const sUnshared = standard && find(standard.rows, 'unshared');
  const sGateway = standard && find(standard.rows, 'gateway');
  if (sOurs && sGateway) {
    const r = sOurs.cpuMsPerReq / sGateway.cpuMsPerReq;
    const without = sUnshared
      ? `; with no sharing ${(sUnshared.cpuMsPerReq / sGateway.cpuMsPerReq).toFixed(2)}×`
      : '';
    checks.push({
      goal: 'standard workload: our CPU/req ≤ 0.25 × plain gateway’s (as configured by default)',
      now: `${r.toFixed(2)}× (${sOurs.cpuMsPerReq.toFixed(3)} vs ${sGateway.cpuMsPerReq.toFixed(3)} ms${without})`,
      met: r <= 0.25,
    });
  }
  // Pass-through and lists are judged with no sharing: they measure the cost of one operation's
  // own calls, which sharing would divide among identical operations.
  const pass = byId('pass-through');
  const pUnshared = pass && find(pass.rows, 'unshared');
  const pOurs = pass && find(pass.rows, 'ours');
  const pDirect = pass && find(pass.rows, 'direct');
  if (pUnshared && pDirect) {
    const r = pUnshared.reqPerSec / pDirect.reqPerSec;
    const shared = pOurs ? `; with sharing ${Math.round((pOurs.reqPerSec / pDirect.reqPerSec) * 100)}%` : '';
    checks.push({
      goal: 'pass-through: our req/s (no sharing) ≥ 40% of the subgraph’s own',
      now: `${Math.round(r * 100)}% (${Math.round(pUnshared.reqPerSec)} vs ${Math.round(pDirect.reqPerSec)} req/s${shared})`,
      met: r >= 0.4,
    });
  }
  const sweep = byId('sweep');
  const sweepOurs = sweep ? sweep.rows.filter((r) => r.target === 'unshared' && r.items !== undefined) : [];
  if (sweepOurs.length >= 2) {
    const first = sweepOurs[0] as SectionRow;
    const last = sweepOurs[sweepOurs.length - 1] as SectionRow;
    const slope = ((last.cpuMsPerReq - first.cpuMsPerReq) * 1000) / ((last.items ?? 0) - (first.items ?? 0));
    checks.push({
      goal: 'lists: ≤ 10 µs of router CPU per entity-resolved item (no sharing)',
      now: `${slope.toFixed(1)} µs/item (slope N=${first.items}→${last.items})`,
      met: slope <= 10,
    });
    const requests = sweepOurs.map((r) => r.subgraphReqPerOp);
    checks.push({
      goal: 'lists: subgraph requests per operation constant in N',
      now: requests.map(count).join(' / '),
      met: requests.every((n) => n === requests[0]),
    });
    const reps = sweepOurs.map((r) => r.repsPerOp);
    // Nine distinct products, each fetched from two subgraphs (inventory, reviews).
    const distinct = (n: number) => 2 * Math.min(n, 9);
    checks.push({
      goal: 'lists: representations proportional to distinct keys (≤ 2 × min(N, 9))',
      now: sweepOurs.map((r) => `N=${r.items}: ${count(r.repsPerOp)}`).join(', '),
      met: sweepOurs.every((r, i) => (reps[i] as number) <= distinct(r.items ?? 0)),
    });
  }
  const ours = sections.flatMap((s) =>
    s.rows.filter((r) => r.target === 'ours' || r.target === 'unshared' || r.target === 'bare'),
  );
  if (ours.length) {
    const peak = Math.max(...ours.map((r) => r.peakRssMb));
    checks.push({
      goal: 'router memory under load ≤ 200 MB',
      now: `${Math.round(peak)} MB peak`,
      met: peak <= 200,
    });
  }
  if (!checks.length) return [];
  const table = checks.map((c) => [c.met === undefined ? '?' : c.met ? 'met' : 'NOT MET', c.goal, c.now]);
  const w0 = Math.max(...table.map((r) => (r[0] as string).length));
  const w1 = Math.max(...table.map((r) => (r[1] as string).length));
  return [
    'Targets (issue): status, goal, now',
    ...table.map(([a, b, c]) => `   ${(a as string).padEnd(w0)}  ${(b as string).padEnd(w1)}  ${c}`),
  ];
}
