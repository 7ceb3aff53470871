import { demoCitizens } from '../../../kit/demo/citizens';
import { GOVERNORATES } from '../../../kit/demo/reference-data';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { startTestSubgraph } from '../../../kit/testing/subgraph-harness';
import { CommitteeDecision } from '../entities/committee-decision.entity';
import { DisabilityRecord } from '../entities/disability-record.entity';
import { DecisionKind, DisabilityStatus } from '../entities/enums';
import { MedicalCommittee } from '../entities/medical-committee.entity';
import {
  assertCommitteeCanSit,
  assertDecisionFits,
  assertDecisionInput,
  recordStateAfter,
} from '../rules/committee-decision.rules';
import { health } from '../subgraph';

const ARABIC = /[\u0600-\u06FF]/;

async function rowsOf(sg: RunningSubgraph) {
  const em = sg.orm.em.fork();
  return {
    committees: await em.find(MedicalCommittee, {}, { orderBy: { id: 'asc' } }),
    records: await em.find(DisabilityRecord, {}, { orderBy: { id: 'asc' } }),
    decisions: await em.find(CommitteeDecision, {}, { orderBy: { id: 'asc' } }),
  };
}

describe('health demo data', () => {
  let sg: RunningSubgraph;
  let rows: Awaited<ReturnType<typeof rowsOf>>;
  beforeAll(async () => {
    sg = await startTestSubgraph(health);
    rows = await rowsOf(sg);
  });
  afterAll(() => sg.close());

  it('is the same on every start', async () => {
    const again = await startTestSubgraph(health);
    try {
      expect(JSON.stringify(await rowsOf(again))).toBe(JSON.stringify(rows));
    } finally {
      await again.close();
    }
  });

  it('has one or two committees per governorate, named in Arabic and English', () => {
    for (const g of GOVERNORATES) {
      const mine = rows.committees.filter((c) => c.governorateCode === g.code);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(2);
      expect(mine[0]).toMatchObject({
        id: `MC-${g.code}-1`,
        name: `اللجنة الطبية الرئيسية في ${g.ar}`,
        active: true,
      });
    }
    expect(rows.committees.some((c) => !c.active)).toBe(true);
  });

  it('gives at least 200 distinct demo citizens one record each, with a mix of statuses', () => {
    const population = new Set(demoCitizens().map((c) => c.nationalId));
    const holders = rows.records.map((r) => r.citizenNationalId);
    expect(rows.records.length).toBeGreaterThanOrEqual(200);
    expect(new Set(holders).size).toBe(holders.length);
    expect(holders.every((id) => population.has(id))).toBe(true);
    const count = (status: DisabilityStatus) => rows.records.filter((r) => r.status === status).length;
    for (const status of Object.values(DisabilityStatus)) expect(count(status)).toBeGreaterThanOrEqual(5);
    expect(count(DisabilityStatus.ACTIVE)).toBeGreaterThan(rows.records.length / 2);
    expect(rows.records.every((r) => ARABIC.test(r.medicalNotes ?? ''))).toBe(true);
    expect(rows.decisions.every((d) => ARABIC.test(d.deliberations))).toBe(true);
  });

  it('writes each record’s history as the mutation’s rules would accept it, the latest decision matching the record', () => {
    const committees = new Map(rows.committees.map((c) => [c.id, c]));
    for (const record of rows.records) {
      const history = rows.decisions
        .filter((d) => d.citizenNationalId === record.citizenNationalId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history.length).toBeLessThanOrEqual(3);
      expect(history[0]!.kind).toBe(DecisionKind.INITIAL);

      let state: { id: string; status: DisabilityStatus } | null = null;
      let latest: CommitteeDecision | null = null;
      for (const d of history) {
        assertDecisionInput(d, DEMO_REFERENCE_DATE);
        assertCommitteeCanSit(committees.get(d.committeeId) ?? null, d.committeeId);
        assertDecisionFits(d, state, latest);
        expect(d.sessionDate < DEMO_REFERENCE_DATE).toBe(true);
        state = { id: record.id, status: recordStateAfter(d).status };
        latest = d;
      }
      const last = history[history.length - 1]!;
      expect(record).toMatchObject({
        lastDecisionId: last.id,
        disabilityType: last.disabilityType,
        percentage: last.percentage,
        validUntil: last.permanent ? null : last.reviewDate,
        governorateCode: committees.get(last.committeeId)!.governorateCode,
      });
      if (last.kind === DecisionKind.REVOCATION) expect(record.status).toBe(DisabilityStatus.REVOKED);
      else if (record.validUntil === null || record.validUntil! >= DEMO_REFERENCE_DATE) {
        expect(record.status).toBe(DisabilityStatus.ACTIVE);
      } else {
        expect([DisabilityStatus.EXPIRED, DisabilityStatus.UNDER_REVIEW]).toContain(record.status);
      }
    }
  });
});
