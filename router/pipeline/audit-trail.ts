import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Caller } from '../../kit/auth/caller';
import { urError } from '../../kit/errors/ur-error';
import type { AuditDraft } from '../../subgraphs/platform/audit/audit-writer';
import type { RouterContext } from '../router-context';

/** Where audit entries go; resolves once the entry is durable. */
export interface AuditSink {
  append(draft: AuditDraft): Promise<number>;
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

/**
 * The audit step, last in the pipeline: records every operation (who, for what purpose, which
 * fields asked and denied, which subgraphs, whose data came back, outcome, duration) and holds
 * the answer until the entry is durable. If the audit store fails, an answer carrying personal
 * data is replaced by AUDIT_UNAVAILABLE rather than released unrecorded.
 */
export function auditTrail(sink: AuditSink): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      const startedAt = Date.now();
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<RouterContext>) {
          const { contextValue: ctx, response } = rc;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const auth = ctx.authorization;
          const draft: AuditDraft = {
            at: new Date(startedAt).toISOString(),
            requestId: ctx.caller.requestId,
            clientId: ctx.caller.clientId,
            agency: ctx.caller.agency,
            citizenId: ctx.caller.citizenId,
            purpose: ctx.caller.purpose,
            caseNumber: ctx.caller.caseNumber,
            operationName: rc.operationName ?? rc.request.operationName ?? null,
            // Apollo already hashed the document (SHA-256 of the query text) to find it in its cache.
            documentHash: rc.queryHash ?? null,
            fieldsRequested: [...(auth?.requested ?? [])],
            fieldsDenied: [...(auth?.deniedFields ?? [])],
            subgraphs: [...ctx.subgraphsCalled],
            outcome: outcomeOf(single?.data, single?.errors),
            durationMs: Date.now() - startedAt,
            subjects: [...ctx.subjects].sort(),
          };
          try {
            await sink.append(draft);
          } catch (error) {
            console.error('audit append failed', error instanceof Error ? error.message : error);
            if (!single || !(auth?.personalData || ctx.subjects.size)) return;
            const refusal = urError(
              'AUDIT_UNAVAILABLE',
              'The audit trail is unavailable, so personal data cannot be released. Retry later.',
            );
            single.data = null;
            single.errors = [{ message: refusal.message, extensions: { code: 'AUDIT_UNAVAILABLE' } }];
            response.http.status = 503;
          }
        },
      };
    },
  };
}
