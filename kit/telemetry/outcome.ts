import { type Span, SpanStatusCode } from '@opentelemetry/api';

/** Span attribute: `ok`, or the `extensions.code` of the first error answered. */
export const OUTCOME_ATTRIBUTE = 'ur.outcome';
/** Span attribute: every distinct error code answered, in order. */
export const ERROR_CODES_ATTRIBUTE = 'ur.error_codes';

/**
 * Records how a GraphQL request ended on its span, from the errors it answered (each one's
 * `extensions.code`, as the error catalogue gives them): `ur.outcome` and `ur.error_codes`, and
 * status ERROR when there was any error. Nothing without a recording span (tracing off).
 */
export function recordOutcome(
  span: Span | undefined,
  errors: readonly { readonly extensions?: Readonly<Record<string, unknown>> }[] | undefined,
): void {
  if (!span?.isRecording()) return;
  const codes = [
    ...new Set(
      (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR')),
    ),
  ];
  span.setAttribute(OUTCOME_ATTRIBUTE, codes[0] ?? 'ok');
  if (!codes.length) return;
  span.setAttribute(ERROR_CODES_ATTRIBUTE, codes);
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
}
