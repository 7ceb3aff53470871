import { createContext } from './context';
import { runFederation } from './federation-bench';
import { USERS } from './federation-workload/accounts';
import { shippingEstimate } from './federation-workload/inventory';
import { PRODUCTS } from './federation-workload/products';
import { REVIEWS } from './federation-workload/reviews';
import type { CpuLayout } from './ipc';
import { SETTINGS } from './measure';
import { runNational } from './national-bench';
import type { Section, SectionRow } from './report';

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
      for (const r of s.rows) {
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
        expect(r.requests).toBe(settings.rounds * settings.cellRequests);
      }
    }
  });

  it('answers the standard query correctly, the same through our router and the plain gateway', () => {
    const standard = section('standard');
    expect(standard?.answer).toEqual(expectedStandardAnswer());
    const gateway = row(standard, 'gateway');
    const ours = row(standard, 'ours');
    // The plain gateway's plan for the standard query (baseline; @apollo/gateway 2.14).
    expect(gateway.subgraphReqPerOp).toBe(16);
    expect(gateway.entityReqPerOp).toBe(14);
    // Ours may only do better.
    expect(ours.subgraphReqPerOp).toBeLessThanOrEqual(gateway.subgraphReqPerOp);
    expect(ours.repsPerOp).toBeLessThanOrEqual(gateway.repsPerOp);
    expect(ours.repsPerOp).toBeGreaterThan(0);
  });

  it('passes the pass-through query to accounts in one request, through either router or straight', () => {
    const pass = section('pass-through');
    for (const target of ['ours', 'gateway', 'direct'] as const) {
      expect(row(pass, target)).toMatchObject({ subgraphReqPerOp: 1, entityReqPerOp: 0, repsPerOp: 0 });
    }
  });

  it('keeps subgraph requests per operation constant in N, and representations within 2 × N', () => {
    const sweep = section('sweep');
    const sizes = settings.sweep;
    const requests = sizes.map((n) => row(sweep, 'ours', n).subgraphReqPerOp);
    expect(new Set(requests).size).toBe(1);
    for (const n of sizes) {
      // products, then inventory (@requires) and reviews by key.
      expect(row(sweep, 'gateway', n)).toMatchObject({
        subgraphReqPerOp: 3,
        entityReqPerOp: 2,
        repsPerOp: 2 * n,
      });
      const ours = row(sweep, 'ours', n).repsPerOp;
      expect(ours).toBeGreaterThanOrEqual(2 * Math.min(n, 9));
      expect(ours).toBeLessThanOrEqual(2 * n);
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
});
