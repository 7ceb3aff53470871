/** Scopes of the municipalities subgraph: `<agency data>:<access>`. */
export const MUNICIPALITIES_SCOPES = {
  projectRead: 'municipalities.project:read',
  projectWrite: 'municipalities.project:write',
} as const;
