import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLFormattedError, Kind } from 'graphql';
import pino, { type DestinationStream, type Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Caller } from '../../kit/auth/caller';
import { ERROR_CODES } from '../../kit/errors/codes';
import type { LogLevel } from '../../kit/config/variables';
import type { RouterContext } from '../router-context';
import type { CircuitState, SubgraphCall } from './subgraph-timeouts';

/** Label of an operation sent without a name. */
export const ANONYMOUS_OPERATION = 'anonymous-operation';
/** Label of a request refused before GraphQL read it (bad token, rate limit, body too large, batch). */
export const UNPARSED_OPERATION = 'unparsed';
/** Label of operation names past the cap: labels stay bounded whatever names clients send. */
export const OTHER_OPERATION = 'other';

/** Codes Apollo Server answers with besides the catalogue; anything else is counted as OTHER. */
const APOLLO_CODES = new Set([
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Codes that mean the fault is ours (or an agency's), logged at error level. */
const SERVER_FAULTS = new Set(['INTERNAL_SERVER_ERROR', 'AUDIT_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);

export type Outcome = 'ok' | 'partial' | 'failed';

/** One /graphql request as the router saw it, filled in along the pipeline. */
export interface RequestRecord {
  readonly requestId: string;
  readonly startedAt: number;
  client: string;
  operation: string | null;
  /** Known once GraphQL ran; `failed` for a refusal. */
  outcome: Outcome;
  /** Error codes in the answer, in order. */
  codes: string[];
  subgraphs: string[];
}

export interface ObservabilityOptions {
  readonly logLevel?: LogLevel;
  /** Where JSON log lines go; standard output by default. */
  readonly logDestination?: DestinationStream;
  /** Distinct operation names given a label of their own; later ones count as `other`. */
  readonly maxOperationNames?: number;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The name of a document's only operation, for documents that failed validation before it was resolved. */
function nameInDocument(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? operations[0]?.name?.value : undefined;
}

function clientOf(caller: Caller | undefined): string {
  if (!caller) return 'unauthenticated';
  return caller.clientId ?? (caller.citizenId ? 'citizen' : 'anonymous');
}

/**
 * Metrics (Prometheus, one registry per router) and structured logs (pino, JSON lines): one line
 * per request at info, with its request id; failures that are the server's or an agency's fault
 * at error level; never a stack trace.
 */
export class Observability {
  readonly registry = new Registry();
  readonly logger: Logger;
  private readonly operationNames = new Set<string>();
  private readonly maxOperationNames: number;
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly duration: Histogram<'operation'>;
  private readonly subgraphDuration: Histogram<'subgraph'>;
  private readonly subgraphErrors: Counter<'subgraph' | 'reason'>;
  private readonly subgraphJoined: Counter<'subgraph'>;
  private readonly circuitOpen: Gauge<'subgraph'>;

  constructor(options: ObservabilityOptions = {}) {
    this.logger = pino(
      {
        level: options.logLevel ?? 'info',
        base: { service: 'router' },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      options.logDestination,
    );
    this.maxOperationNames = options.maxOperationNames ?? 200;
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'ur_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, partial, failed).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.errors = new Counter({
      name: 'ur_errors_total',
      help: 'Errors in answers, by catalogued code.',
      labelNames: ['code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'ur_request_duration_seconds',
      help: 'Time from request to answer, by operation name.',
      labelNames: ['operation'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.subgraphDuration = new Histogram({
      name: 'ur_subgraph_request_duration_seconds',
      help: 'Time of each subgraph call, by subgraph (calls refused by an open circuit are not timed).',
      labelNames: ['subgraph'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.subgraphErrors = new Counter({
      name: 'ur_subgraph_errors_total',
      help: 'Subgraph calls that gave nothing, by subgraph and reason (timeout, unreachable, circuit-open, rejected).',
      labelNames: ['subgraph', 'reason'],
      registers,
    });
    this.subgraphJoined = new Counter({
      name: 'ur_subgraph_calls_joined_total',
      help: 'Subgraph calls an operation did not make because it joined an identical call of the same caller already in flight.',
      labelNames: ['subgraph'],
      registers,
    });
    this.circuitOpen = new Gauge({
      name: 'ur_subgraph_circuit_open',
      help: '1 while a subgraph’s circuit is open or half-open, else 0.',
      labelNames: ['subgraph'],
      registers,
    });
  }

  /** Starts the record of one /graphql request; it is counted and logged when the response closes. */
  startRequest(requestId: string, res: ServerResponse): RequestRecord {
    const record: RequestRecord = {
      requestId,
      startedAt: performance.now(),
      client: clientOf(undefined),
      operation: null,
      outcome: 'failed',
      codes: [],
      subgraphs: [],
    };
    res.once('close', () => this.finishRequest(record, res.statusCode));
    return record;
  }

  /** Notes who is asking, once authenticated. */
  identified(record: RequestRecord, caller: Caller): void {
    record.client = clientOf(caller);
  }

  /** Notes a refusal before GraphQL ran. */
  refused(record: RequestRecord, error: unknown): void {
    const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    record.outcome = 'failed';
    record.codes = [typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR'];
  }

  /** Fills the request record from what GraphQL answered (the answer as sent, errors formatted). */
  answered(
    record: RequestRecord,
    operation: string,
    answer: { readonly data?: unknown; readonly errors?: readonly GraphQLFormattedError[] },
    subgraphs: Iterable<string>,
  ): void {
    const errors = answer.errors ?? [];
    record.operation = operation;
    record.codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    record.outcome = !errors.length ? 'ok' : answer.data ? 'partial' : 'failed';
    record.subgraphs = [...subgraphs];
  }

  /** `answered` for the requests Apollo Server runs. */
  plugin(): ApolloServerPlugin<RouterContext> {
    const answered = this.answered.bind(this);
    return {
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            const record = rc.contextValue.record;
            if (!record) return;
            const single = rc.response.body.kind === 'single' ? rc.response.body.singleResult : undefined;
            answered(
              record,
              rc.operationName ??
                rc.request.operationName ??
                nameInDocument(rc.document) ??
                ANONYMOUS_OPERATION,
              { data: single?.data, errors: single?.errors },
              rc.contextValue.subgraphsCalled,
            );
          },
        };
      },
    };
  }

  /** A bounded label for an operation name. */
  operationLabel(name: string | null): string {
    if (name === null) return UNPARSED_OPERATION;
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperationNames) return OTHER_OPERATION;
    this.operationNames.add(name);
    return name;
  }

  private finishRequest(record: RequestRecord, status: number): void {
    const seconds = (performance.now() - record.startedAt) / 1000;
    const operation = this.operationLabel(record.operation);
    this.requests.inc({ operation, outcome: record.outcome });
    this.duration.observe({ operation }, seconds);
    for (const code of record.codes) {
      this.errors.inc({ code: code in ERROR_CODES || APOLLO_CODES.has(code) ? code : 'OTHER' });
    }
    const line = {
      requestId: record.requestId,
      client: record.client,
      operation: record.operation ?? undefined,
      outcome: record.outcome,
      status,
      durationMs: Math.round(seconds * 100000) / 100,
      subgraphs: record.subgraphs,
      ...(record.codes.length ? { codes: record.codes } : {}),
    };
    if (status >= 500 || record.codes.some((c) => SERVER_FAULTS.has(c)))
      this.logger.error(line, 'request failed');
    else this.logger.info(line, 'request');
  }

  /** For SubgraphGuards' `onCall`. */
  subgraphCall(call: SubgraphCall): void {
    if (call.joined) {
      this.subgraphJoined.inc({ subgraph: call.subgraph });
      return;
    }
    if (call.failure !== 'circuit-open')
      this.subgraphDuration.observe({ subgraph: call.subgraph }, call.seconds);
    if (!call.failure) return;
    this.subgraphErrors.inc({ subgraph: call.subgraph, reason: call.failure });
    this.logger.error(
      { requestId: call.requestId, subgraph: call.subgraph, reason: call.failure, error: call.message },
      'subgraph call failed',
    );
  }

  /** For SubgraphGuards' `onCircuit`. */
  circuitChanged(subgraph: string, state: CircuitState): void {
    this.circuitOpen.set({ subgraph }, state === 'closed' ? 0 : 1);
    this.logger.warn({ subgraph, circuit: state }, `circuit ${state}`);
  }

  /** Operations running and waiting for a slot (`pipeline/admission.ts`), read when scraped. */
  watchAdmission(admission: { readonly active: number; readonly waiting: number }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'ur_operations_active',
      help: 'Operations holding one of the router’s slots (UR_MAX_CONCURRENT_OPERATIONS).',
      registers,
      collect() {
        this.set(admission.active);
      },
    });
    new Gauge({
      name: 'ur_operations_waiting',
      help: 'Operations waiting for a slot (at most UR_MAX_QUEUED_OPERATIONS).',
      registers,
      collect() {
        this.set(admission.waiting);
      },
    });
  }

  /** The `/metrics` route: Prometheus text format. */
  metricsRoute() {
    return async (_req: IncomingMessage, res: ServerResponse) => {
      const text = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(text);
    };
  }
}
