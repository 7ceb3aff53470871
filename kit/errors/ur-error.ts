import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './codes';

/**
 * The one way to raise an error across the API: a GraphQLError whose `extensions.code` is from
 * the catalogue. `details` go to `extensions` too (never internals: no SQL, no stack).
 */
export function urError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  where: Pick<GraphQLErrorOptions, 'path' | 'nodes'> = {},
): GraphQLError {
  return new GraphQLError(message, {
    ...where,
    extensions: { code, ...details, http: { status: ERROR_CODES[code].status } },
  });
}

/** True when an error already carries a catalogued code, so it may be shown to the caller as it is. */
export function hasCataloguedCode(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && code in ERROR_CODES;
}
