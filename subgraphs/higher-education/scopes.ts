/** Scopes of the higher-education subgraph: `<agency data>:<access>`. */
export const HIGHERED_SCOPES = {
  /** Citizens' academic documents (degrees, diplomas, transcripts), without their grades. */
  documentRead: 'highered.document:read',
  /** Grade average and band of an academic document. */
  documentGradeRead: 'highered.document.grade:read',
  /** The log of issuance-verification requests (صحة صدور). */
  verificationRead: 'highered.verification:read',
  /** Asking whether a presented document was really issued; every request is recorded. */
  verificationWrite: 'highered.verification:write',
  /** Revoking an academic document (for example after a forged-degree finding). */
  documentRevoke: 'highered.document:revoke',
  /** Postgraduate programs, their admission rules, and background-consistency checks (انسجام الخلفية). */
  admissionRead: 'highered.admission:read',
} as const;

/** The agency whose callers see every verification request, not only their own. */
export const MINISTRY_AGENCY = 'MOHESR';
