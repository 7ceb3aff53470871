/** Scopes of the planning subgraph: `<agency data>:<access>`. */
export const PLANNING_SCOPES = {
  /** The full contractor file: specializations, registration, owner, classification history. */
  contractorRead: 'planning.contractor:read',
  /** Classify, renew, suspend, reinstate and blacklist contractors. */
  contractorWrite: 'planning.contractor:write',
} as const;
