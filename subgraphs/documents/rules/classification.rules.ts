import type { Caller } from '../../../kit/auth/caller';
import { urError } from '../../../kit/errors/ur-error';
import { DocumentClassification } from '../entities/enums';
import { DOCUMENT_SCOPES } from '../scopes';

/**
 * Who may see a document depends on its classification, a property of the row, so it cannot be
 * declared in the schema for the router to enforce: it is enforced here, in the subgraph, on every
 * path to a document (lists filter in SQL, a single document or a reference is refused).
 */
export const CLASSIFICATION_SCOPE: Readonly<Record<DocumentClassification, string | null>> = {
  PUBLIC: null,
  INTERNAL: DOCUMENT_SCOPES.internalRead,
  CONFIDENTIAL: DOCUMENT_SCOPES.confidentialRead,
  SECRET: DOCUMENT_SCOPES.secretRead,
};

export function mayRead(scopes: readonly string[], classification: DocumentClassification): boolean {
  const needed = CLASSIFICATION_SCOPE[classification];
  return needed === null || scopes.includes(needed);
}

/** The classifications a caller may see: what a list is filtered to. */
export function readableClassifications(scopes: readonly string[]): DocumentClassification[] {
  return Object.values(DocumentClassification).filter((c) => mayRead(scopes, c));
}

/** FORBIDDEN naming the scope, when the caller may not see this document. */
export function assertMayRead(
  caller: Caller,
  document: { readonly id: string; readonly classification: DocumentClassification },
): void {
  if (mayRead(caller.scopes, document.classification)) return;
  const needed = CLASSIFICATION_SCOPE[document.classification] as string;
  throw urError(
    'FORBIDDEN',
    `Document ${document.id} is ${document.classification}: reading it needs scope ${needed}.`,
    { missingScopes: [needed] },
  );
}
