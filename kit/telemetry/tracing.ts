import {
  context,
  diag,
  DiagConsoleLogger,
  DiagLogLevel,
  propagation,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { Config } from '../config/variables';

/** Name of the instrumentation scope every span of the kit and the router is recorded under. */
export const TRACER_NAME = 'ur-national-graph';

export interface Tracing {
  /** True when spans are recorded and exported. */
  readonly enabled: boolean;
  /** Exports the spans still buffered, then unregisters everything startTracing registered. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, shutdown: async () => undefined };

let running: Tracing | undefined;

/**
 * True while startTracing's provider is registered. Everything per request checks this first, so
 * with tracing off a request costs one boolean test (no spans, no context switching, no headers).
 */
export function tracingEnabled(): boolean {
  return running !== undefined;
}

/** The tracer spans are started with (the API's no-op tracer when tracing is off). */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** `<base>/v1/traces`, as the OTLP spec derives the traces URL from OTEL_EXPORTER_OTLP_ENDPOINT. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing for one process (the router, or one subgraph), named `serviceName`, when an OTLP
 * endpoint is configured: a tracer provider exporting in batches over OTLP/HTTP (JSON), the W3C
 * trace-context propagator (`traceparent`), and an AsyncLocalStorage context manager so the active
 * span follows `await`. Without an endpoint it registers nothing and returns a handle whose
 * `shutdown()` does nothing. Call it once, before serving; call `shutdown()` on the way out.
 * The SDK is loaded only then: a process without tracing does not carry it (a few MB of heap).
 */
export async function startTracing(
  serviceName: string,
  config: Pick<Config, 'otlpEndpoint'>,
): Promise<Tracing> {
  if (!config.otlpEndpoint) return OFF;
  if (running) throw new Error('startTracing was already called in this process');
  const [
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    { OTLPTraceExporter },
    resources,
    sdk,
  ] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  if (running) throw new Error('startTracing was already called in this process');
  const { defaultResource, resourceFromAttributes } = resources;
  const { BasicTracerProvider, BatchSpanProcessor } = sdk;

  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': TRACER_NAME }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(config.otlpEndpoint) }))],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!trace.setGlobalTracerProvider(provider)) {
    contextManager.disable();
    void provider.shutdown();
    throw new Error('another OpenTelemetry tracer provider is already registered in this process');
  }
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // A collector that cannot be reached is reported on stderr instead of spans vanishing silently.
  diag.setLogger(new DiagConsoleLogger(), { logLevel: DiagLogLevel.ERROR, suppressOverrideMessage: true });

  const handle: Tracing = {
    enabled: true,
    async shutdown() {
      if (running !== handle) return;
      running = undefined;
      try {
        await provider.shutdown(); // flushes the batch processor, then closes the exporter
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
        diag.disable();
      }
    },
  };
  running = handle;
  return handle;
}
