import data from './iraq.json';

/** Iraq's governorates, agencies and universities, Arabic and English (copied from the shared design data). */
export interface Governorate {
  readonly code: string;
  readonly ar: string;
  readonly en: string;
}
export interface AgencyInfo {
  readonly code: string;
  readonly ar: string;
  readonly en: string;
}
export interface UniversityInfo {
  readonly ar: string;
  readonly en: string;
  readonly governorate: string;
}

export const GOVERNORATES: readonly Governorate[] = data.governorates;
export const AGENCIES: readonly AgencyInfo[] = data.agencies;
export const UNIVERSITIES: readonly UniversityInfo[] = data.universities;

const byCode = new Map(GOVERNORATES.map((g) => [g.code, g]));

export function governorateByCode(code: string): Governorate | undefined {
  return byCode.get(code);
}

export function agencyByCode(code: string): AgencyInfo | undefined {
  return AGENCIES.find((a) => a.code === code);
}
