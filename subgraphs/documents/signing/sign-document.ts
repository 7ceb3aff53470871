import { signStatement } from '../../../kit/secured-documents/statement';
import { verificationCodeOf } from '../../../kit/secured-documents/verification-code';
import type { Document } from '../entities/document.entity';
import { statementOf } from './statement-of';

/**
 * Signs a document whose signed columns are set (issuer, dates, fields, content hash) with one of
 * its issuer's keys, and gives it the verification code of that signature. Used by issuance and
 * by the seed alike, so demo documents are signed exactly as real ones are.
 */
export function signDocument(
  document: Document,
  key: { readonly keyId: string; readonly privateKey: string },
): void {
  document.keyId = key.keyId;
  document.signature = signStatement(statementOf(document), key.privateKey);
  document.verificationCode = verificationCodeOf(document.signature);
}
