import type { ClientRegistry, RegisteredClient } from './client';

/**
 * The demo clients of the national graph, one per kind of user: what each may read is exactly
 * its scopes (see README's permission table).
 */
export const DEMO_CLIENTS: readonly RegisteredClient[] = [
  {
    id: 'welfare',
    name: 'Social welfare eligibility (MOLSA)',
    agency: 'MOLSA',
    scopes: ['identity.citizen.basic:read', 'health.disability:read'],
    purposes: ['SOCIAL_WELFARE_ELIGIBILITY'],
    status: 'ACTIVE',
  },
  {
    id: 'health-committee',
    name: 'Medical committees (MOH)',
    agency: 'MOH',
    scopes: [
      'identity.citizen.basic:read',
      'health.disability:read',
      'health.disability.medical:read',
      'health.committee:read',
      'health.committee:write',
    ],
    purposes: ['MEDICAL_COMMITTEE_REVIEW'],
    status: 'ACTIVE',
  },
  {
    id: 'planning-auditor',
    name: 'Contract award audit (MOP)',
    agency: 'MOP',
    scopes: ['planning.contractor:read', 'municipalities.project:read', 'identity.citizen.basic:read'],
    purposes: ['CONTRACT_AWARD_CHECK'],
    status: 'ACTIVE',
  },
  {
    id: 'planning-registrar',
    name: 'Contractor classification registry (MOP)',
    agency: 'MOP',
    scopes: ['planning.contractor:read', 'planning.contractor:write', 'identity.citizen.basic:read'],
    purposes: ['CONTRACTOR_CLASSIFICATION'],
    status: 'ACTIVE',
  },
  {
    id: 'municipal-dashboard',
    name: 'Municipal works dashboard (MOCHM)',
    agency: 'MOCHM',
    scopes: ['municipalities.project:read'],
    purposes: ['PUBLIC_WORKS_MONITORING'],
    status: 'ACTIVE',
  },
  {
    id: 'municipal-engineer',
    name: 'Municipal works follow-up engineers (MOCHM)',
    agency: 'MOCHM',
    scopes: ['municipalities.project:read', 'municipalities.project:write'],
    purposes: ['PUBLIC_WORKS_MONITORING'],
    status: 'ACTIVE',
  },
];

/** Clients held in memory (development and tests). */
export class StaticClientRegistry implements ClientRegistry {
  private readonly byId: Map<string, RegisteredClient>;

  constructor(clients: readonly RegisteredClient[] = DEMO_CLIENTS) {
    this.byId = new Map(clients.map((c) => [c.id, c]));
  }

  async find(id: string): Promise<RegisteredClient | undefined> {
    return this.byId.get(id);
  }
}
