import {
  type Attributes,
  type Context,
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { tracer, tracingEnabled } from './tracing';

export interface SpanOptions {
  /** INTERNAL by default; SERVER for a request received, CLIENT for a call to another service. */
  readonly kind?: SpanKind;
  /** Parent context (e.g. `extractContext(req.headers)`); default: the active context. */
  readonly parent?: Context;
}

/** What `fn` gets when tracing is off: a span that records nothing. */
const NOT_RECORDING: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `fn` inside a new span, active for everything `fn` awaits (child spans, and
 * `injectTraceHeaders` for outgoing calls), and ends it when `fn` settles. A throw or rejection is
 * recorded on the span (exception event, status ERROR) and rethrown. With tracing off, `fn` runs
 * directly with a span that records nothing.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => T | Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  if (!tracingEnabled()) return fn(NOT_RECORDING);
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : undefined,
    });
    throw error;
  } finally {
    span.end();
  }
}
