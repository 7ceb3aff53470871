/** Scopes of the platform's own trust services. */
export const PLATFORM_SCOPES = {
  admin: 'platform.admin',
  auditRead: 'platform.audit:read',
  /** Held by a citizen authenticated as themselves. */
  myData: 'platform.mydata:read',
} as const;
