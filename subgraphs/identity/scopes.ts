/** Scopes of the identity subgraph: `<agency data>:<access>`. */
export const IDENTITY_SCOPES = {
  citizenBasic: 'identity.citizen.basic:read',
  citizenAddress: 'identity.citizen.address:read',
} as const;
