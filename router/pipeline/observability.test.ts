import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { Observability } from './observability';

/** A response stand-in: `close` ends the request. */
function response(statusCode: number) {
  return Object.assign(new EventEmitter(), { statusCode }) as unknown as ServerResponse & EventEmitter;
}

function logged() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => lines.push(JSON.parse(line)) } };
}

describe('Observability', () => {
  it('logs one JSON line per request at info, with the request id, client, operation and outcome', () => {
    const log = logged();
    const obs = new Observability({ logDestination: log.destination });
    const res = response(200);
    const record = obs.startRequest('req-1', res);
    obs.identified(record, {
      clientId: 'welfare',
      agency: 'MOLSA',
      citizenId: null,
      scopes: [],
      purpose: null,
      caseNumber: null,
      requestId: 'req-1',
    });
    Object.assign(record, { operation: 'Records', outcome: 'ok', subgraphs: ['health'] });
    res.emit('close');
    expect(log.lines).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'router',
        requestId: 'req-1',
        client: 'welfare',
        operation: 'Records',
        outcome: 'ok',
        status: 200,
        durationMs: expect.any(Number),
        subgraphs: ['health'],
        msg: 'request',
      },
    ]);
  });

  it('a refusal is logged at info with its code; a server fault at error; neither with a stack', () => {
    const log = logged();
    const obs = new Observability({ logDestination: log.destination });
    const refused = response(401);
    obs.refused(obs.startRequest('a', refused), { extensions: { code: 'UNAUTHENTICATED' } });
    refused.emit('close');
    const broken = response(200);
    const record = obs.startRequest('b', broken);
    Object.assign(record, { operation: 'X', outcome: 'partial', codes: ['SUBGRAPH_UNAVAILABLE'] });
    broken.emit('close');
    expect(log.lines.map((l) => [l.level, l.requestId, l.codes, l.msg, 'stack' in l])).toEqual([
      ['info', 'a', ['UNAUTHENTICATED'], 'request', false],
      ['error', 'b', ['SUBGRAPH_UNAVAILABLE'], 'request failed', false],
    ]);
  });

  it('silent logs nothing', () => {
    const log = logged();
    const obs = new Observability({ logLevel: 'silent', logDestination: log.destination });
    const res = response(200);
    obs.startRequest('a', res);
    res.emit('close');
    expect(log.lines).toEqual([]);
  });

  it('keeps operation labels bounded: names past the cap count as `other`', () => {
    const obs = new Observability({ logLevel: 'silent', maxOperationNames: 2 });
    expect(['A', 'B', 'C', 'A'].map((n) => obs.operationLabel(n))).toEqual(['A', 'B', 'other', 'A']);
    expect(obs.operationLabel(null)).toBe('unparsed');
  });

  it('exposes requests, errors and subgraph calls in Prometheus text', async () => {
    const obs = new Observability({ logLevel: 'silent' });
    const res = response(400);
    obs.refused(obs.startRequest('a', res), { extensions: { code: 'SOMETHING_ELSE' } });
    res.emit('close');
    obs.subgraphCall({ subgraph: 'health', requestId: 'a', seconds: 0.02 });
    obs.subgraphCall({ subgraph: 'health', requestId: 'a', seconds: 0, failure: 'circuit-open' });
    const text = await obs.registry.metrics();
    expect(text).toContain('ur_requests_total{operation="unparsed",outcome="failed"} 1');
    expect(text).toContain('ur_errors_total{code="OTHER"} 1');
    expect(text).toContain('ur_subgraph_request_duration_seconds_count{subgraph="health"} 1');
    expect(text).toContain('ur_subgraph_errors_total{subgraph="health",reason="circuit-open"} 1');
  });
});
