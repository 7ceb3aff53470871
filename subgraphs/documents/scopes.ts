/**
 * Scopes of the documents subgraph: `<agency data>:<access>`. PUBLIC documents need none, and
 * verification is open to anyone. Clearances are granted per level, not implied by a higher one:
 * a client cleared for SECRET is granted the lower levels explicitly, so every grant is visible.
 */
export const DOCUMENT_SCOPES = {
  internalRead: 'documents.internal:read',
  confidentialRead: 'documents.confidential:read',
  secretRead: 'documents.secret:read',
  /** Upload, new versions, records-register numbers, issuing secured documents. */
  write: 'documents:write',
  /** Revoke, suspend and reinstate the caller agency's own documents. */
  revoke: 'documents:revoke',
  /** The disposition report of the retention schedule. */
  retentionRead: 'documents.retention:read',
} as const;
