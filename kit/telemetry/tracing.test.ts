import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import {
  context,
  isSpanContextValid,
  propagation,
  ProxyTracerProvider,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import { CONTEXT_HEADER, contextKey, signContext } from '../auth/context-token';
import type { RunningSubgraph } from '../subgraph/start-subgraph';
import { startTestSubgraph, TEST_SECRET, testCaller } from '../testing/subgraph-harness';
import { planning } from '../../subgraphs/planning/subgraph';
import { injectTraceHeaders } from './trace-headers';
import { startTracing, type Tracing, tracingEnabled, tracesUrl } from './tracing';
import { withSpan } from './with-span';

/** One span as OTLP/HTTP JSON carries it (ids in hex, kind as the OTLP enum: 2 server, 3 client). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  attributes?: { key: string; value: Record<string, unknown> }[];
}

interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** A real OTLP/HTTP receiver: a node:http server that keeps every POST body it gets. */
async function startReceiver() {
  const requests: { path: string; body: OtlpRequest }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      requests.push({ path: req.url ?? '', body: JSON.parse(raw.toString('utf8')) as OtlpRequest });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans: () =>
      requests.flatMap((r) =>
        r.body.resourceSpans.flatMap((rs) =>
          rs.scopeSpans.flatMap((ss) =>
            ss.spans.map((span) => ({
              ...span,
              service: rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
            })),
          ),
        ),
      ),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function attributes(span: OtlpSpan): Record<string, unknown> {
  return Object.fromEntries(
    (span.attributes ?? []).map(({ key, value }) => [
      key,
      'arrayValue' in value
        ? (value.arrayValue as { values: { stringValue: string }[] }).values.map((v) => v.stringValue)
        : Object.values(value)[0],
    ]),
  );
}

/** POSTs a query to the subgraph as the router does (signed context), with extra headers. */
async function post(url: string, query: string, headers: Record<string, string>, signed = true) {
  if (signed) headers[CONTEXT_HEADER] = await signContext(testCaller([]), contextKey(TEST_SECRET));
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
}

describe('tracing across router and subgraphs (OTLP/HTTP)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tracing: Tracing | undefined;
  let subgraph: RunningSubgraph | undefined;

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await subgraph?.close();
    subgraph = undefined;
    await tracing?.shutdown();
    tracing = undefined;
    trace.disable();
    context.disable();
    propagation.disable();
    await receiver.close();
  });

  it('derives the traces URL from the endpoint as the OTLP spec does', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/otlp/')).toBe('http://collector:4318/otlp/v1/traces');
  });

  it("joins the subgraph's server span to the router's span in one trace", async () => {
    tracing = await startTracing('router', { otlpEndpoint: receiver.url });
    expect(tracing.enabled).toBe(true);
    subgraph = await startTestSubgraph(planning);
    const sg = subgraph;

    const sent: Record<string, { traceId: string; spanId: string; traceparent?: string }> = {};
    const call = (name: string, query: string, signed = true) =>
      withSpan(
        `router fetch ${name}`,
        { 'ur.subgraph': 'planning' },
        async (span) => {
          const headers = injectTraceHeaders({});
          sent[name] = { ...span.spanContext(), traceparent: headers.traceparent };
          return post(sg.url, query, headers, signed);
        },
        { kind: SpanKind.CLIENT },
      );

    const ok = await call('ok', 'query ContractorName { contractor(id: "CTR-0001") { name } }');
    expect(ok.body.errors).toBeUndefined();
    const denied = await call('denied', '{ contractor(id: "CTR-0001") { registrationNumber } }');
    expect(denied.body.errors).toHaveLength(1);
    const unsigned = await call('unsigned', '{ contractor(id: "CTR-0001") { name } }', false);
    expect(unsigned.status).toBe(401);
    for (const s of Object.values(sent)) expect(s.traceparent).toBe(`00-${s.traceId}-${s.spanId}-01`);

    await subgraph.close();
    subgraph = undefined;
    await tracing.shutdown(); // flushes the batch
    tracing = undefined;

    expect(receiver.requests.map((r) => r.path)).toEqual(receiver.requests.map(() => '/v1/traces'));
    const spans = receiver.spans();
    expect(spans).toHaveLength(6);
    const server = (name: string) => {
      const client = spans.find((s) => s.spanId === sent[name]!.spanId)!;
      expect(client).toMatchObject({ traceId: sent[name]!.traceId, kind: 3, service: 'router' });
      const children = spans.filter((s) => s.parentSpanId === client.spanId);
      expect(children).toHaveLength(1);
      expect(children[0]).toMatchObject({ traceId: client.traceId, kind: 2 });
      return children[0]!;
    };

    const okSpan = server('ok');
    expect(okSpan.name).toBe('planning ContractorName');
    expect(attributes(okSpan)).toEqual({
      'ur.subgraph': 'planning',
      'graphql.operation.name': 'ContractorName',
      'graphql.operation.type': 'query',
      'ur.outcome': 'ok',
      'http.response.status_code': 200,
    });
    expect(okSpan.status?.code ?? 0).toBe(0);

    const deniedSpan = server('denied');
    expect(deniedSpan.name).toBe('planning operation');
    expect(attributes(deniedSpan)).toMatchObject({
      'ur.subgraph': 'planning',
      'ur.outcome': 'FORBIDDEN',
      'ur.error_codes': ['FORBIDDEN'],
    });
    expect(deniedSpan.status?.code).toBe(2);

    const unsignedSpan = server('unsigned');
    expect(attributes(unsignedSpan)).toMatchObject({
      'ur.outcome': 'MISSING_SIGNED_CONTEXT',
      'http.response.status_code': 401,
    });

    // Three traces, one per router call, each of the router's span and the subgraph's.
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(3);
  });

  it('records a failure thrown inside withSpan and rethrows it', async () => {
    tracing = await startTracing('router', { otlpEndpoint: receiver.url });
    await expect(
      withSpan('router failing', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await tracing.shutdown();
    tracing = undefined;
    const spans = receiver.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ name: 'router failing', status: { code: 2, message: 'boom' } });
  });

  it('without an endpoint registers nothing and sends nothing', async () => {
    tracing = await startTracing('router', { otlpEndpoint: undefined });
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const provider = trace.getTracerProvider() as ProxyTracerProvider;
    expect(provider).toBeInstanceOf(ProxyTracerProvider);
    const probe = provider.getDelegate().getTracer('probe').startSpan('probe');
    expect(probe.isRecording()).toBe(false);
    expect(isSpanContextValid(probe.spanContext())).toBe(false);

    subgraph = await startTestSubgraph(planning);
    const sg = subgraph;
    const res = await withSpan('router fetch', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      const headers = injectTraceHeaders({});
      expect(headers).toEqual({});
      return post(sg.url, '{ contractor(id: "CTR-0001") { name } }', {
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      });
    });
    expect(res.body.errors).toBeUndefined();
    await tracing.shutdown();
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(receiver.requests).toHaveLength(0);
  });
});
