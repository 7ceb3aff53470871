import { createContext } from './context';
import { runFederation } from './federation-bench';
import { USERS } from './federation-workload/accounts';
import { shippingEstimate } from './federation-workload/inventory';
import { PRODUCTS } from './federation-workload/products';
import { REVIEWS } from './federation-workload/reviews';
import type { CpuLayout } from './ipc';
import { SETTINGS } from './measure';
import { runNational } from './national-bench';
import { formatSection, type Section, type SectionRow, targetChecks } from './report';

/**
 * The benchmark in a tiny configuration (a few requests per cell, nothing pinned). It asserts
 * counts and answers, never times: a slow machine must not fail it.
 */
const UNPINNED: CpuLayout = { pinned: false, measuredCores: '', otherCores: '', description: 'not pinned' };
const settings = SETTINGS.test;

function row(section: Section | undefined, target: SectionRow['target'], items?: number): SectionRow {
  const found = section?.rows.find((r) => r.target === target && r.items === items);
  if (!found) throw new Error(`no ${target} row (N=${items}) in ${section?.id}`);
  return found;
}

/** The standard query's answer, built from the four subgraphs' data without any router. */
function expectedStandardAnswer() {
  const user = (id: string) => USERS.find((u) => u.id === id)!;
  const product = (upc: string) => {
    const p = PRODUCTS.find((x) => x.upc === upc)!;
    const inStock = ['1', '5', '6', '7', '9'].includes(upc);
    return {
      inStock,
      name: p.name,
      price: p.price,
      shippingEstimate: shippingEstimate(p),
      upc,
      weight: p.weight,
    };
  };
  const userFields = (id: string) => ({ id, username: user(id).username, name: user(id).name });
  const reviewsBy = (id: string) => REVIEWS.filter((r) => r.authorId === id);
  const reviewsOf = (upc: string) => REVIEWS.filter((r) => r.productUpc === upc);
  const authorWithReviews = (id: string) => ({
    ...userFields(id),
    reviews: reviewsBy(id).map((r) => ({ id: r.id, body: r.body, product: product(r.productUpc) })),
  });
  return {
    users: USERS.map((u) => ({
      ...userFields(u.id),
      reviews: reviewsBy(u.id).map((r) => ({
        id: r.id,
        body: r.body,
        product: {
          ...product(r.productUpc),
          reviews: reviewsOf(r.productUpc).map((pr) => ({
            id: pr.id,
            body: pr.body,
            author: authorWithReviews(pr.authorId),
          })),
        },
      })),
    })),
    topProducts: PRODUCTS.slice(0, 5).map((p) => ({
      ...product(p.upc),
      reviews: reviewsOf(p.upc).map((r) => ({
        id: r.id,
        body: r.body,
        author: authorWithReviews(r.authorId),
      })),
    })),
  };
}

describe('benchmark (tiny run: counts, not times)', () => {
  let sections: Section[];
  beforeAll(async () => {
    const log = (m: string) => void (process.env.BENCH_LOG && process.stderr.write(`${m}\n`));
    const ctx = await createContext(settings, UNPINNED, log);
    // Side by side: counts come from each workload's own subgraph processes, so they cannot mix.
    const [national, federation] = await Promise.all([
      runNational(ctx),
      runFederation(ctx, { standard: true, passThrough: true, sweep: true }),
    ]);
    sections = [national, ...federation];
  }, 120_000); // seven processes start; on a busy machine that takes a while (the cells are a few requests)
  const section = (id: Section['id']) => sections.find((s) => s.id === id);

  it('answers every request of every cell without errors', () => {
    for (const s of sections) {
      const rows = [...s.rows.map((r) => ({ r, rounds: settings.rounds }))];
      for (const r of s.equalRate?.rows ?? []) rows.push({ r, rounds: settings.togetherRounds });
      for (const { r, rounds } of rows) {
        expect({
          section: s.id,
          target: r.label,
          items: r.items,
          errors: r.errors,
          firstError: r.firstError,
        }).toEqual({
          section: s.id,
          target: r.label,
          items: r.items,
          errors: 0,
          firstError: undefined,
        });
        expect(r.requests).toBe(rounds * settings.cellRequests);
      }
    }
  });

  it('answers the standard query correctly, the same through our router and the plain gateway', () => {
    const standard = section('standard');
    expect(standard?.answer).toEqual(expectedStandardAnswer());
    const gateway = row(standard, 'gateway');
    // The plain gateway's plan for the standard query (baseline; @apollo/gateway 2.14).
    expect(gateway.subgraphReqPerOp).toBe(16);
    expect(gateway.entityReqPerOp).toBe(14);
    for (const target of ['ours', 'unshared'] as const) {
      // Ours may only do better.
      const ours = row(standard, target);
      expect(ours.subgraphReqPerOp).toBeLessThanOrEqual(gateway.subgraphReqPerOp);
      expect(ours.repsPerOp).toBeLessThanOrEqual(gateway.repsPerOp);
      expect(ours.repsPerOp).toBeGreaterThan(0);
    }
  });

  it('passes the pass-through query to accounts in one request, through either router or straight', () => {
    const pass = section('pass-through');
    for (const target of ['ours', 'unshared', 'gateway', 'direct'] as const) {
      expect(row(pass, target)).toMatchObject({ subgraphReqPerOp: 1, entityReqPerOp: 0, repsPerOp: 0 });
    }
  });

  it('keeps subgraph requests per operation constant in N, and representations within 2 × N', () => {
    const sweep = section('sweep');
    const sizes = settings.sweep;
    for (const target of ['ours', 'unshared'] as const) {
      const requests = sizes.map((n) => row(sweep, target, n).subgraphReqPerOp);
      expect(new Set(requests).size).toBe(1);
    }
    for (const n of sizes) {
      // products, then inventory (@requires) and reviews by key.
      expect(row(sweep, 'gateway', n)).toMatchObject({
        subgraphReqPerOp: 3,
        entityReqPerOp: 2,
        repsPerOp: 2 * n,
      });
      for (const target of ['ours', 'unshared'] as const) {
        const ours = row(sweep, target, n).repsPerOp;
        expect(ours).toBeGreaterThanOrEqual(2 * Math.min(n, 9));
        expect(ours).toBeLessThanOrEqual(2 * n);
      }
    }
  });

  it('runs the national queries the supergraph can answer and skips the others, naming them', () => {
    const national = section('national');
    expect(national?.ran).toContain('citizenWithAgencies');
    expect((national?.ran?.length ?? 0) + (national?.skipped?.length ?? 0)).toBe(6);
    const ours = row(national, 'ours');
    const gateway = row(national, 'gateway');
    expect(ours.subgraphReqPerOp).toBeGreaterThanOrEqual(1);
    expect(ours.subgraphReqPerOp).toBeLessThanOrEqual(gateway.subgraphReqPerOp);
    expect(ours.sqlPerOp).toBeGreaterThan(0);
  });

  it('runs ours and ours with permissions + audit off again together at one steady rate, below the slower one’s', () => {
    const national = section('national');
    const paced = national?.equalRate;
    expect(paced?.rows.map((r) => r.target)).toEqual(['ours', 'bare']);
    const slower = Math.min(row(national, 'ours').reqPerSec, row(national, 'bare').reqPerSec);
    expect(paced?.ratePerSec).toBeGreaterThanOrEqual(1);
    expect(paced?.ratePerSec).toBeLessThanOrEqual(Math.max(1, slower));
    // Every round's requests, the second round on a new pair of routers (ours with its copier).
    expect(paced?.rows.map((r) => r.requests)).toEqual([
      settings.togetherRounds * settings.cellRequests,
      settings.togetherRounds * settings.cellRequests,
    ]);
    expect(paced?.rows[0]?.companion?.peakRssMb).toBeGreaterThan(0);
  });

  it('runs the national mix through our router with permissions and audit off too, same plan', () => {
    const national = section('national');
    const ours = row(national, 'ours');
    const bare = row(national, 'bare');
    expect(bare.label).toBe('ours, permissions + audit off');
    // Same router, same plans: only the policy (empty) and the audit differ.
    expect(bare).toMatchObject({
      subgraphReqPerOp: ours.subgraphReqPerOp,
      entityReqPerOp: ours.entityReqPerOp,
      repsPerOp: ours.repsPerOp,
      sqlPerOp: ours.sqlPerOp,
    });
    // Ours audits through its copier process, whose SQL and CPU are its own (measured, and
    // printed beside the router's): the router's own SQL is the registry's alone in both.
    expect(ours.companion).toEqual({ cpuMsPerReq: expect.any(Number), peakRssMb: expect.any(Number) });
    expect(ours.companion?.peakRssMb).toBeGreaterThan(0);
    expect(bare.companion).toBeUndefined();
    expect(national?.audit).toBe(true);
  });

  it('sends its platform database at most the one registry read per operation (the audit is the copier’s)', () => {
    for (const s of sections) {
      for (const r of s.rows.filter((x) => x.target !== 'gateway' && x.target !== 'direct')) {
        expect({ section: s.id, target: r.target, items: r.items, atMostOne: r.ownSqlPerOp <= 1 }).toEqual({
          section: s.id,
          target: r.target,
          items: r.items,
          atMostOne: true,
        });
      }
    }
  });
});

describe('benchmark report (synthetic rows)', () => {
  const base: SectionRow = {
    target: 'ours',
    label: 'ours',
    requests: 100,
    errors: 0,
    reqPerSec: 100,
    p50Ms: 1,
    p99Ms: 2,
    cpuMsPerReq: 1,
    coreShare: 0.5,
    peakRssMb: 150,
    subgraphReqPerOp: 2,
    entityReqPerOp: 1,
    repsPerOp: 10,
    sqlPerOp: 2,
    ownSqlPerOp: 4,
  };
  const national = (bareCpu: number, audit = true): Section => ({
    id: 'national',
    title: 'National graph',
    notes: [],
    audit,
    rows: [
      base,
      {
        ...base,
        target: 'bare',
        label: 'ours, permissions + audit off',
        cpuMsPerReq: bareCpu,
        ownSqlPerOp: 2,
      },
      { ...base, target: 'gateway', label: 'plain gateway', cpuMsPerReq: 2 },
    ],
  });
  const line = (sections: Section[], goal: string) =>
    targetChecks(sections).find((l) => l.includes(goal)) ?? 'none';

  it('checks permissions + audit against 10% of our CPU on the national workload', () => {
    expect(line([national(0.92)], 'permissions + audit ≤ 10% of router CPU (national)')).toMatch(
      /^ {3}met +permissions \+ audit ≤ 10% of router CPU \(national\) +8\.0% \(1 − 0\.920 ÷ 1\.000 ms CPU\/req/,
    );
    expect(line([national(0.8)], 'permissions + audit ≤ 10%')).toMatch(/^ {3}NOT MET .* 20\.0% \(/);
    // Exactly 10% is met.
    expect(line([national(0.9)], 'permissions + audit ≤ 10%')).toMatch(/^ {3}met /);
  });

  it('reads the share from the equal-rate rows when there are some', () => {
    const closed = national(0.8);
    const paced = { ratePerSec: 120, rows: national(0.95).rows.filter((r) => r.target !== 'gateway') };
    expect(line([{ ...closed, equalRate: paced }], 'permissions + audit ≤ 10%')).toMatch(
      /^ {3}met .* 5\.0% \(1 − 0\.950 ÷ 1\.000 ms CPU\/req: permissions \+ audit off vs ours, both at 120 req\/s\)$/,
    );
    const out = formatSection({ ...closed, equalRate: paced }, 1);
    expect(out).toContain(
      '   the same two measured together over the same seconds, each at a steady 120 req/s (open loop: equal work per second and the same machine, so CPU/req compares like for like; latency from when each request was due):',
    );
  });

  it('says the audit is not counted when the run had --no-audit', () => {
    const lines = targetChecks([national(0.95, false)]);
    expect(lines.some((l) => l.includes('permissions + audit'))).toBe(false);
    expect(line([national(0.95, false)], 'permissions ≤ 10% of router CPU')).toMatch(
      /^ {3}met +permissions ≤ 10% of router CPU \(national; --no-audit: audit not counted\) +5\.0%/,
    );
  });

  it('leaves the line out without the bare row', () => {
    const section = national(0.9);
    const without = { ...section, rows: section.rows.filter((r) => r.target !== 'bare') };
    expect(targetChecks([without]).some((l) => l.includes('of router CPU'))).toBe(false);
  });

  it('judges pass-through on our router with no sharing, and says what sharing gave', () => {
    const pass: Section = {
      id: 'pass-through',
      title: 'Pass-through',
      notes: [],
      rows: [
        { ...base, reqPerSec: 1000, subgraphReqPerOp: 0.25 },
        { ...base, target: 'unshared', label: 'ours, no sharing', reqPerSec: 350 },
        { ...base, target: 'direct', label: 'accounts subgraph straight', reqPerSec: 1000 },
      ],
    };
    expect(line([pass], 'pass-through')).toMatch(
      /^ {3}NOT MET +pass-through: our req\/s \(no sharing\) ≥ 40% of the subgraph’s own +35% \(350 vs 1000 req\/s; with sharing 100%\)$/,
    );
  });

  it('prints own SQL for both our rows and a ratio line against permissions + audit off', () => {
    const out = formatSection(national(0.8), 1);
    const head = out.find((l) => l.includes('target')) ?? '';
    expect(head).toContain('own SQL/op');
    expect(head).not.toContain('audit SQL/op');
    const own = (label: string) => (out.find((l) => l.trimStart().startsWith(`${label} `)) ?? '').trim();
    expect(own('ours,')).toMatch(/ 2 +0\/100$/);
    expect(own('plain gateway')).toMatch(/ – +0\/100$/);
    expect(out).toContain(
      '   ours / ours with permissions + audit off: req/s 1.00×, CPU/req 1.25×, p99 1.00×',
    );
  });
});
