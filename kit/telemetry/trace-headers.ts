import { type Context, context, propagation } from '@opentelemetry/api';
import { tracingEnabled } from './tracing';

/**
 * Adds the W3C `traceparent` (and `tracestate`) of `from` (default: the active span) to outgoing
 * request headers, so the receiving service's spans join this trace. Returns the same object.
 * With tracing off it adds nothing.
 */
export function injectTraceHeaders(
  headers: Record<string, string>,
  from: Context = context.active(),
): Record<string, string> {
  if (tracingEnabled()) propagation.inject(from, headers);
  return headers;
}

/**
 * The context an incoming request's `traceparent` names (for a server span's parent); the active
 * context unchanged when there is none, or when tracing is off.
 */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  if (!tracingEnabled()) return context.active();
  return propagation.extract(context.active(), headers);
}
