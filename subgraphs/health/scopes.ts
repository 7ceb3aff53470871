/** Scopes of the health subgraph: `<agency data>:<access>`. */
export const HEALTH_SCOPES = {
  /** Disability status, type, percentage and validity: what a social-welfare agency needs. */
  disabilityRead: 'health.disability:read',
  /** The medical notes behind a disability record: the medical file. */
  disabilityMedicalRead: 'health.disability.medical:read',
  /** Medical committees' decisions and deliberations. */
  committeeRead: 'health.committee:read',
  /** Recording a committee's decision. */
  committeeWrite: 'health.committee:write',
} as const;
