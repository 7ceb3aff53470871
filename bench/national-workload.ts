import { demoCitizens } from '../kit/demo/citizens';

/**
 * The national workload: realistic cross-agency queries of the demo clients, each sent with the
 * client's token and its registered purpose (`ur-purpose`). Fields are ones the client may read,
 * so a correct answer carries no errors. A query whose fields or subgraphs are not in the
 * supergraph yet is skipped, and the run says which.
 */
export interface NationalQuery {
  readonly name: string;
  /** Demo client id; `null` for an anonymous caller. */
  readonly client: string | null;
  readonly query: string;
  /** Variables; `$citizen` is filled in with a citizen who has a disability record. */
  readonly variables?: Record<string, unknown>;
  readonly description: string;
}

export const CITIZEN_WITH_RECORD = '$citizen';

export const NATIONAL_QUERIES: readonly NationalQuery[] = [
  {
    name: 'contractorsWithProjects',
    client: 'planning-auditor',
    description: 'contractors (planning) with their municipal projects, progress and delay (municipalities)',
    query: `query ContractorsWithProjects {
  contractors(first: 20) {
    edges { node { id name grade status municipalProjects { id titleEn progress status delayDays } } }
  }
}`,
  },
  {
    name: 'projectsWithContractorGrade',
    client: 'municipal-dashboard',
    description: 'a page of municipal projects (municipalities) with the contractor’s grade (planning)',
    query: `query ProjectsWithContractorGrade {
  municipalProjects(first: 20) {
    edges { node { id titleEn progress status delayDays contractor { id name grade status } } }
  }
}`,
  },
  {
    name: 'citizenDisabilityStatus',
    client: 'welfare',
    description: 'a citizen (identity) with disability status, not the medical file (health), as welfare',
    variables: { id: CITIZEN_WITH_RECORD },
    query: `query CitizenDisabilityStatus($id: String!) {
  citizen(nationalId: $id) { nationalId fullName birthDate disabilityRecords { disabilityType percentage status } }
}`,
  },
  {
    name: 'disabilityRecordsWithNames',
    client: 'welfare',
    description: 'a page of disability records (health) with the citizens’ names (identity), as welfare',
    query: `query DisabilityRecordsWithNames {
  disabilityRecords(first: 20) {
    edges { node { id disabilityType percentage status citizen { fullName fullNameEn } } }
  }
}`,
  },
  {
    name: 'publicContractorRegistry',
    client: null,
    description: 'the public contractor registry (planning), anonymous',
    query: `query PublicContractorRegistry {
  contractors(first: 20) { edges { node { id name nameEn grade status } } }
}`,
  },
  {
    name: 'citizenWithAgencies',
    client: 'welfare',
    description: 'a citizen’s basic identity and the agency list (identity alone), as welfare',
    variables: { id: CITIZEN_WITH_RECORD },
    query: `query CitizenWithAgencies($id: String!) {
  citizen(nationalId: $id) { nationalId fullName fullNameEn sex birthDate governorate { code nameEn } }
  agencies { code nameEn }
}`,
  },
];

/** Finds a citizen with a disability record (health), to make the welfare queries interesting. */
export const FIND_CITIZEN_WITH_RECORD = {
  client: 'welfare',
  query: '{ disabilityRecords(first: 1) { edges { node { citizen { nationalId } } } } }',
};

/** When health is not in the graph yet: any demo citizen. */
export function fallbackCitizen(): string {
  return (demoCitizens()[0] as { nationalId: string }).nationalId;
}

/** The variables with `$citizen` replaced. */
export function withCitizen(
  variables: Record<string, unknown> | undefined,
  nationalId: string,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables ?? {}).map(([k, v]) => [k, v === CITIZEN_WITH_RECORD ? nationalId : v]),
  );
}
