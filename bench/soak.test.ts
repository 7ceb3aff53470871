import { HEAP_GROWTH_LIMIT, runSoak, type SoakReport, verdict } from './soak';

/**
 * The soak in a few seconds (nothing pinned). It asserts counts, never times or memory figures:
 * a slow machine must not fail it.
 */
describe('soak (a few seconds: counts, not times)', () => {
  const seconds = 5;
  const rate = 20;
  let report: SoakReport;
  beforeAll(async () => {
    const log = (m: string) => void (process.env.BENCH_LOG && process.stderr.write(`${m}\n`));
    report = await runSoak({ seconds, rate, warmupRounds: 2, reportEverySeconds: 2, log });
  }, 90_000); // two processes start from TypeScript (swc on the fly) on a possibly busy machine

  it('sends every scheduled request and gets every one answered, without errors', () => {
    expect(report.sent).toBe(seconds * rate);
    expect({
      answered: report.answered,
      lost: report.lost,
      errors: report.errors,
      firstLost: report.firstLost,
      firstError: report.firstError,
    }).toEqual({ answered: report.sent, lost: 0, errors: 0, firstLost: undefined, firstError: undefined });
    expect(report.errorRate).toBe(0);
    expect(report.queries).toContain('citizenWithAgencies');
    expect(report.queries.length + report.skipped.length).toBe(6);
  });

  it('reports windows whose counts add up to the totals', () => {
    const last = report.windows.at(-1);
    expect(last).toMatchObject({ sent: report.sent, answered: report.answered, lost: 0, errors: 0 });
    expect(report.drift.first.count + report.drift.last.count).toBeGreaterThan(0);
    expect(report.heap.startBytes).toBeGreaterThan(0);
    expect(report.heap.endBytes).toBeGreaterThan(0);
  });
});

describe('soak verdict', () => {
  const mb = 1024 * 1024;
  const passing: Omit<SoakReport, 'failures'> = {
    seconds: 60,
    rate: 10,
    deadlineMs: 10_000,
    queries: ['q'],
    skipped: [],
    sent: 600,
    answered: 600,
    lost: 0,
    errors: 0,
    errorRate: 0,
    maxSendLagMs: 0,
    drift: { segmentS: 12, first: { count: 1, p50Ms: 1, p99Ms: 1 }, last: { count: 1, p50Ms: 1, p99Ms: 1 } },
    heap: { startBytes: 60 * mb, endBytes: 70 * mb, growthBytes: 10 * mb },
    rss: { startBytes: 150 * mb, endBytes: 160 * mb },
    windows: [],
  };

  it('passes a run with every request answered, no errors and a steady heap', () => {
    expect(verdict(passing)).toEqual([]);
  });

  it('fails on one lost request, on one error, and on a heap that grew beyond both limits', () => {
    expect(verdict({ ...passing, answered: 599, lost: 1, firstLost: 'q: ECONNRESET' })).toEqual([
      expect.stringContaining('1 of 600 requests lost'),
    ]);
    expect(verdict({ ...passing, errors: 1, errorRate: 1 / 600, firstError: 'q: HTTP 500' })).toEqual([
      expect.stringContaining('1 of 600 answers were errors'),
    ]);
    const grown = 60 * mb + HEAP_GROWTH_LIMIT.bytes + mb;
    expect(
      verdict({ ...passing, heap: { startBytes: 60 * mb, endBytes: grown, growthBytes: grown - 60 * mb } }),
    ).toEqual([expect.stringContaining('router heap after GC grew')]);
    // Beyond 20 MB but within 20 % of a large heap: not a failure.
    expect(
      verdict({ ...passing, heap: { startBytes: 500 * mb, endBytes: 525 * mb, growthBytes: 25 * mb } }),
    ).toEqual([]);
  });
});
