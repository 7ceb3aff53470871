import { luhnCheckDigit } from '../graphql/national-id';
import { FAMILY, FEMALE, MALE } from './names';
import { Random, seedOf } from './random';
import { GOVERNORATES } from './reference-data';

/**
 * The demo population, generated the same way by every subgraph: identity stores it, the other
 * ministries pick their record holders from it, so links across agencies always resolve.
 */
export interface DemoCitizen {
  readonly nationalId: string;
  readonly fullName: string;
  readonly fullNameEn: string;
  readonly sex: 'MALE' | 'FEMALE';
  readonly birthDate: string;
  readonly governorate: string;
}

export const DEMO_CITIZEN_COUNT = 1000;

function nationalIdFor(sex: 'MALE' | 'FEMALE', year: number, serial: number): string {
  const body = `${sex === 'MALE' ? 1 : 2}${year}${String(serial).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
}

let cache: DemoCitizen[] | undefined;

export function demoCitizens(): readonly DemoCitizen[] {
  if (cache) return cache;
  const rnd = new Random(seedOf('citizens'));
  const out: DemoCitizen[] = [];
  const used = new Set<string>();
  while (out.length < DEMO_CITIZEN_COUNT) {
    const sex = rnd.chance(0.5) ? 'MALE' : 'FEMALE';
    const year = rnd.int(1945, 2019);
    const nationalId = nationalIdFor(sex, year, rnd.int(0, 999_999));
    if (used.has(nationalId)) continue;
    used.add(nationalId);
    const [firstAr, firstEn] = rnd.pick(sex === 'MALE' ? MALE : FEMALE);
    const [fatherAr, fatherEn] = rnd.pick(MALE);
    const [grandAr, grandEn] = rnd.pick(MALE);
    const [familyAr, familyEn] = rnd.pick(FAMILY);
    const month = String(rnd.int(1, 12)).padStart(2, '0');
    const day = String(rnd.int(1, 28)).padStart(2, '0');
    out.push({
      nationalId,
      fullName: `${firstAr} ${fatherAr} ${grandAr} ${familyAr}`,
      fullNameEn: `${firstEn} ${fatherEn} ${grandEn} ${familyEn}`,
      sex,
      birthDate: `${year}-${month}-${day}`,
      // Baghdad holds about a fifth of the population; the rest spread over the other governorates.
      governorate: rnd.chance(0.22) ? 'BGD' : rnd.pick(GOVERNORATES).code,
    });
  }
  cache = out;
  return out;
}

/** Adults (18+ on the demo reference date), for owners, contractors and applicants. */
export function demoAdults(referenceYear = 2026): readonly DemoCitizen[] {
  return demoCitizens().filter((c) => referenceYear - Number(c.birthDate.slice(0, 4)) >= 18);
}
