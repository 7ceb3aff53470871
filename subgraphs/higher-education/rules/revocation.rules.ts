import { urError } from '../../../kit/errors/ur-error';
import { AcademicDocumentStatus } from '../entities/enums';

export const MAX_REASON_LENGTH = 500;

/** A revocation must say why, as it will be told to every later verification. */
export function assertRevocationReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) {
    throw urError('BAD_USER_INPUT', 'A revocation needs a reason; it is told to every later verification.', {
      argument: 'reason',
    });
  }
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw urError('BAD_USER_INPUT', `The reason may be at most ${MAX_REASON_LENGTH} characters.`, {
      argument: 'reason',
      maximum: MAX_REASON_LENGTH,
    });
  }
  return trimmed;
}

/** ACTIVE → REVOKED is the only transition; a revoked document stays revoked. */
export function assertRevocable(id: string, status: AcademicDocumentStatus): void {
  if (status !== AcademicDocumentStatus.ACTIVE) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Academic document ${id} is ${status}; only an ACTIVE document can be revoked.`,
      { from: status, to: AcademicDocumentStatus.REVOKED },
    );
  }
}
