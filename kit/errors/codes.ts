/**
 * The catalogue of error codes the national graph answers with, kept as data so that docs
 * (docs/errors.md) are generated from it and callers can branch on `extensions.code`.
 * A code never changes meaning once published; add a new one instead.
 */
export interface ErrorCodeSpec {
  /** HTTP status when the error ends the whole request (GraphQL over HTTP); field errors answer 200. */
  readonly status: number;
  /** What the code means, and what the caller can do about it. */
  readonly meaning: string;
}

export const ERROR_CODES = {
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    meaning: 'The request is not valid GraphQL syntax. Fix the document at the location given.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    meaning:
      'The document asks for something the national graph does not have (unknown field, wrong argument).',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    meaning:
      'The document holds several operations and `operationName` names none of them (or is missing); send the name of the one to run.',
  },
  BAD_USER_INPUT: {
    status: 200,
    meaning: 'An argument or variable is invalid; the message names it and says what is accepted.',
  },
  BAD_REQUEST: {
    status: 400,
    meaning: 'The HTTP request itself is malformed (no query, body not JSON, unsupported method).',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    meaning: 'The request body is larger than the router accepts (UR_MAX_BODY_BYTES, 1 MiB by default).',
  },
  QUERY_TOO_DEEP: {
    status: 400,
    meaning:
      'The operation nests fields deeper than the router allows (the message gives the limit and the depth found). Ask for less at once: split it into several operations, or fetch the inner records by ID.',
  },
  TOO_MANY_ALIASES: {
    status: 400,
    meaning:
      'The operation uses more aliases than the router allows (the message gives both numbers). Send several operations instead of one with many aliased copies of a field.',
  },
  TOO_MANY_ROOT_FIELDS: {
    status: 400,
    meaning:
      'The operation selects more top-level fields than the router allows (the message gives both numbers). Split it into several operations.',
  },
  QUERY_TOO_COSTLY: {
    status: 400,
    meaning:
      'The estimated cost of the operation (each field 1, the fields under a list multiplied by its `first`, or by 20 when a list has no `first`) is over the router’s limit. Ask for smaller pages (`first`) or fewer nested lists.',
  },
  BATCH_NOT_SUPPORTED: {
    status: 400,
    meaning:
      'The body is a JSON array (a batch of operations); the router takes one operation per request. Send each operation in its own request (HTTP keep-alive makes that cheap).',
  },
  INTROSPECTION_DISABLED: {
    status: 400,
    meaning:
      'Schema introspection (`__schema`, `__type`) is off for this caller: in production only authenticated clients may introspect, or nobody (UR_INTROSPECTION). Use the published schema (schema/supergraph.graphql) or authenticate.',
  },
  INVALID_NATIONAL_ID: {
    status: 200,
    meaning: 'A national ID must be 12 digits, not starting with 0, with a valid check digit (Luhn).',
  },
  PAGE_SIZE_EXCEEDED: { status: 200, meaning: '`first` is above the maximum page size of that list.' },
  INVALID_CURSOR: {
    status: 200,
    meaning: 'The `after` cursor was not issued by this list. Use a cursor from `pageInfo`.',
  },
  NOT_FOUND: { status: 200, meaning: 'The record named by the argument does not exist.' },
  INVALID_STATE_TRANSITION: {
    status: 200,
    meaning: 'The mutation is not allowed from the record’s current state; the message names both states.',
  },
  UNAUTHENTICATED: {
    status: 401,
    meaning:
      'The token is malformed, forged, expired, replayed, signed with a revoked key, or not for this graph; `reason` says which.',
  },
  UNKNOWN_CLIENT: {
    status: 401,
    meaning: 'The token names a client that is not registered with the platform.',
  },
  CLIENT_SUSPENDED: {
    status: 403,
    meaning: 'The client is registered but suspended; ask the platform administrator.',
  },
  FORBIDDEN: {
    status: 200,
    meaning:
      'A subgraph refused a field or mutation the caller has no scope for (the second enforcement line).',
  },
  UNAUTHORIZED_FIELD_OR_TYPE: {
    status: 200,
    meaning:
      'The router removed a field the caller may not read: it is null, the rest of the answer stands. The error names the missing scopes.',
  },
  OPERATION_REJECTED: {
    status: 403,
    meaning:
      'Reject mode is on and the operation asks for fields the caller may not read; nothing was executed.',
  },
  PURPOSE_REQUIRED: {
    status: 403,
    meaning:
      'The operation reads personal data and declares no purpose: send a registered purpose your client is allowed in the ur-purpose header.',
  },
  PURPOSE_NOT_ALLOWED: {
    status: 403,
    meaning:
      'The purpose in ur-purpose is not registered, or not one this client is allowed; the message lists the allowed ones.',
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      'The client sent more operations this minute than its limit; retry after the Retry-After seconds.',
  },
  ROUTER_OVERLOADED: {
    status: 503,
    meaning:
      'The router is running as many operations as it allows at once (UR_MAX_CONCURRENT_OPERATIONS) and the queue of waiting ones is full (UR_MAX_QUEUED_OPERATIONS), or the operation waited 10 s for its turn; it was not run. Retry after the Retry-After seconds (1), backing off if it happens again.',
  },
  AUDIT_UNAVAILABLE: {
    status: 503,
    meaning:
      'The audit trail could not record the operation, so personal data was not released. Retry later.',
  },
  MISSING_SIGNED_CONTEXT: {
    status: 401,
    meaning:
      'A subgraph was called without the router’s signed context. Call the national graph through the router.',
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 200,
    meaning:
      'An agency’s subgraph did not answer (unreachable, an error, or no answer within UR_SUBGRAPH_TIMEOUT_MS), or its circuit is open after repeated failures (`retryAt` says when the router tries it again); its fields are null, the other agencies’ fields still answer.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'An unexpected fault. Nothing internal is shown; the request id in the logs finds it.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
