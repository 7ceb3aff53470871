import type { Caller } from '../../../kit/auth/caller';
import { urError } from '../../../kit/errors/ur-error';
import { DocumentStatus } from '../entities/enums';

/**
 * A document's status as a small state machine, changed only by the agency that issued it:
 *
 *   ACTIVE ⇄ SUSPENDED, ACTIVE → REVOKED, SUSPENDED → REVOKED; REVOKED is final.
 *
 * A suspension is a pause pending a decision (an investigation); a revocation is the decision.
 */
export type StatusChange = 'SUSPEND' | 'REINSTATE' | 'REVOKE';

const TARGET: Record<StatusChange, DocumentStatus> = {
  SUSPEND: DocumentStatus.SUSPENDED,
  REINSTATE: DocumentStatus.ACTIVE,
  REVOKE: DocumentStatus.REVOKED,
};

const ALLOWED_FROM: Record<StatusChange, readonly DocumentStatus[]> = {
  SUSPEND: [DocumentStatus.ACTIVE],
  REINSTATE: [DocumentStatus.SUSPENDED],
  REVOKE: [DocumentStatus.ACTIVE, DocumentStatus.SUSPENDED],
};

/** The status after the change, or INVALID_STATE_TRANSITION naming both states. */
export function statusAfter(documentId: string, from: DocumentStatus, change: StatusChange): DocumentStatus {
  const to = TARGET[change];
  if (!ALLOWED_FROM[change].includes(from)) {
    throw urError('INVALID_STATE_TRANSITION', `Document ${documentId} is ${from}; it cannot become ${to}.`, {
      from,
      to,
    });
  }
  return to;
}

/**
 * Only the agency answerable for a document changes it (revokes, suspends, adds versions,
 * registers it): FORBIDDEN naming that agency otherwise.
 */
export function assertIssuingAgency(
  caller: Caller,
  document: { readonly id: string; readonly issuingAgency: string },
  action: string,
): void {
  if (caller.agency === document.issuingAgency) return;
  throw urError(
    'FORBIDDEN',
    `Only ${document.issuingAgency}, the issuing agency of document ${document.id}, can ${action} it.`,
    { issuingAgency: document.issuingAgency },
  );
}

const MAX_REASON = 500;

/** A suspension or revocation states its reason: it is shown to everyone who verifies. */
export function assertReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed || trimmed.length > MAX_REASON) {
    throw urError(
      'BAD_USER_INPUT',
      `reason must be 1 to ${MAX_REASON} characters; it is shown to verifiers.`,
      {
        argument: 'reason',
      },
    );
  }
  return trimmed;
}
