import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../../kit/auth/caller';
import { urError } from '../../kit/errors/ur-error';
import type { AuditDraft } from '../../subgraphs/platform/audit/hash-chain';
import type { RouterContext } from '../router-context';

/** Where audit entries go; resolves once the entry is durable. */
export interface AuditSink {
  append(draft: AuditDraft): Promise<void>;
}

/** OK, PARTIAL (data with errors), or the first error code when nothing came back. */
function outcomeOf(
  data: unknown,
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
): string {
  if (!errors?.length) return 'OK';
  if (data) return 'PARTIAL';
  return `FAILED:${String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR')}`;
}

/** An entry for a request refused before GraphQL ran (bad token, rate limit). */
export function refusedRequestDraft(
  caller: Caller | undefined,
  requestId: string,
  code: string,
  startedAt: number,
): AuditDraft {
  return {
    at: new Date(startedAt).toISOString(),
    requestId,
    clientId: caller?.clientId ?? null,
    agency: caller?.agency ?? null,
    citizenId: caller?.citizenId ?? null,
    purpose: caller?.purpose ?? null,
    caseNumber: caller?.caseNumber ?? null,
    operationName: null,
    documentHash: null,
    fieldsRequested: [],
    fieldsDenied: [],
    subgraphs: [],
    outcome: `FAILED:${code}`,
    durationMs: Date.now() - startedAt,
    subjects: [],
  };
}

/** What an operation answered, as sent (errors formatted). */
export interface Answered {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** The operation, as the audit names it. */
export interface AuditedOperation {
  readonly name: string | null;
  /** SHA-256 of the query text (the hash Apollo Server and the direct path both use). */
  readonly documentHash: string | null;
  readonly startedAt: number;
}

/**
 * The audit step, last in the pipeline: records the operation (who, for what purpose, which
 * fields asked and denied, which subgraphs, whose data came back, outcome, duration) and resolves
 * once the entry is durable. If the audit store fails and the answer carries personal data, it
 * resolves to the refusal that must be sent instead (503 AUDIT_UNAVAILABLE): personal data is
 * never released unrecorded.
 */
export async function auditOperation(
  sink: AuditSink,
  ctx: RouterContext,
  operation: AuditedOperation,
  answer: Answered,
): Promise<GraphQLFormattedError | undefined> {
  const auth = ctx.authorization;
  const draft: AuditDraft = {
    at: new Date(operation.startedAt).toISOString(),
    requestId: ctx.caller.requestId,
    clientId: ctx.caller.clientId,
    agency: ctx.caller.agency,
    citizenId: ctx.caller.citizenId,
    purpose: ctx.caller.purpose,
    caseNumber: ctx.caller.caseNumber,
    operationName: operation.name,
    documentHash: operation.documentHash,
    // The verdict's own lists (cached per operation): serialised as they are, not copied.
    fieldsRequested: auth?.requested ?? [],
    fieldsDenied: auth?.deniedFields ?? [],
    subgraphs: [...ctx.subgraphsCalled],
    outcome: outcomeOf(answer.data, answer.errors),
    durationMs: Date.now() - operation.startedAt,
    subjects: [...ctx.subjects].sort(),
  };
  try {
    await sink.append(draft);
    return undefined;
  } catch (error) {
    console.error('audit append failed', error instanceof Error ? error.message : error);
    if (!(auth?.personalData || ctx.subjects.size)) return undefined;
    const refusal = urError(
      'AUDIT_UNAVAILABLE',
      'The audit trail is unavailable, so personal data cannot be released. Retry later.',
    );
    return { message: refusal.message, extensions: { code: 'AUDIT_UNAVAILABLE' } };
  }
}

/** The audit step as an Apollo Server plugin, for the requests Apollo Server answers. */
export function auditTrail(sink: AuditSink): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      const startedAt = Date.now();
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<RouterContext>) {
          const { response } = rc;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const refusal = await auditOperation(
            sink,
            rc.contextValue,
            {
              name: rc.operationName ?? rc.request.operationName ?? null,
              // Apollo already hashed the document (SHA-256 of the query text) to find it in its cache.
              documentHash: rc.queryHash ?? null,
              startedAt,
            },
            { data: single?.data, errors: single?.errors },
          );
          if (!refusal || !single) return;
          single.data = null;
          single.errors = [refusal];
          response.http.status = 503;
        },
      };
    },
  };
}
