import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { demoCitizens } from '../kit/demo/citizens';
import { AuditEntry } from '../subgraphs/platform/entities/audit-entry.entity';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/**
 * The router's direct path (router/pipeline/direct-operation.ts) answers JSON POSTs of validated
 * operations itself; `directPath: false` sends every request through Apollo Server. The two must
 * be indistinguishable to a caller (status, body, content type, cache-control) and to the auditor.
 */

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

type Json = Record<string, unknown>;

interface Body {
  data?: Json | null;
  extensions?: Json;
  errors?: { message: string; path?: unknown[]; locations?: unknown[]; extensions?: Json }[];
}

/** What a caller sees of an answer. */
interface Answer {
  status: number;
  body: Body;
  contentType: string | null;
  cacheControl: string | null;
}

interface Sent {
  answer: Answer;
  /** The body's bytes, to compare key order and the trailing newline too. */
  text: string;
  requestId: string | null;
  /** How many times Apollo Server's executeHTTPGraphQLRequest ran for this request. */
  apolloCalls: number;
}

interface Request {
  method?: 'GET' | 'POST';
  /** Left out for a persisted query sent by hash only. */
  query?: string;
  variables?: Json;
  operationName?: string;
  extensions?: Json;
  /** A registered client (platform token); `purpose` is sent as ur-purpose when given. */
  client?: string;
  purpose?: string;
  citizen?: string;
  headers?: Record<string, string>;
}

/** The demo data's fixtures, read once from the default graph. */
interface Fixtures {
  /** A citizen with an active disability record (identity + health). */
  holder: string;
}

interface Case {
  name: string;
  request: (f: Fixtures) => Request;
  /** Whether the default graph answers it itself (no Apollo Server call). */
  direct: boolean;
  /** What the answer must be, whichever path gave it. */
  expected: (answer: Answer, f: Fixtures) => void;
}

const executeHTTP = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');

async function send(graph: NationalGraph, request: Request): Promise<Sent> {
  const method = request.method ?? 'POST';
  const headers: Record<string, string> = {};
  const subject = request.client ?? (request.citizen ? `citizen:${request.citizen}` : undefined);
  if (subject) headers.authorization = `Bearer ${await graph.token(subject)}`;
  if (request.purpose) headers['ur-purpose'] = request.purpose;
  let url = graph.router.url;
  let body: string | undefined;
  if (method === 'GET') {
    headers['apollo-require-preflight'] = 'true';
    const search = new URLSearchParams({ query: request.query ?? '' });
    if (request.variables) search.set('variables', JSON.stringify(request.variables));
    if (request.operationName !== undefined) search.set('operationName', request.operationName);
    url = `${url}?${search.toString()}`;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
  }
  Object.assign(headers, request.headers);
  const before = executeHTTP.mock.calls.length;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  // Subgraphs run Apollo Server too, in this process: count only the calls this router received.
  const host = new URL(graph.router.url).host;
  const apolloCalls = executeHTTP.mock.calls
    .slice(before)
    .filter(([{ httpGraphQLRequest }]) => httpGraphQLRequest.headers.get('host') === host).length;
  let parsed: Body;
  try {
    parsed = JSON.parse(text) as Body;
  } catch {
    parsed = { extensions: { notJson: text } };
  }
  return {
    answer: {
      status: res.status,
      body: parsed,
      contentType: res.headers.get('content-type'),
      cacheControl: res.headers.get('cache-control'),
    },
    text,
    requestId: res.headers.get('ur-request-id'),
    apolloCalls,
  };
}

/** The audit entry of a request, as an auditor compares it (not ids, times or the hash chain). */
async function auditOf(graph: NationalGraph, requestId: string | null) {
  await graph.auditWritten();
  const entry = await graph.platformOrm.em.fork().findOne(AuditEntry, { requestId });
  if (!entry) return null;
  return {
    clientId: entry.clientId,
    agency: entry.agency,
    citizenId: entry.citizenId,
    purpose: entry.purpose,
    caseNumber: entry.caseNumber,
    operationName: entry.operationName,
    documentHash: entry.documentHash,
    fieldsRequested: entry.fieldsRequested,
    fieldsDenied: entry.fieldsDenied,
    subgraphs: entry.subgraphs,
    outcome: entry.outcome,
    subjects: entry.subjects,
  };
}

const fullNameOf = (nationalId: string) => demoCitizens().find((c) => c.nationalId === nationalId)?.fullName;
const codes = (a: Answer) => a.body.errors?.map((e) => e.extensions?.code);
const person = demoCitizens()[7]!;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const APQ_QUERY = '{ agencies { code nameEn } }';

const WELFARE = { client: 'welfare', purpose: 'SOCIAL_WELFARE_ELIGIBILITY' };
const CITIZEN_QUERY = 'query Eligibility($id: String!) { citizen(nationalId: $id) { fullName } }';
const RECORDS_QUERY = `{ disabilityRecords(first: 3, filter: { status: ACTIVE }) {
  edges { node { disabilityType percentage status citizen { nationalId fullName } } }
} }`;

function expectRecords(a: Answer) {
  expect(a.status).toBe(200);
  expect(a.contentType).toBe(JSON_TYPE);
  expect(a.cacheControl).toBe('no-store');
  expect(a.body.errors).toBeUndefined();
  const edges = (
    a.body.data as {
      disabilityRecords: {
        edges: { node: { status: string; citizen: { nationalId: string; fullName: string } } }[];
      };
    }
  ).disabilityRecords.edges;
  expect(edges).toHaveLength(3);
  for (const { node } of edges) {
    expect(node.status).toBe('ACTIVE');
    // health's record resolved to identity's citizen: the agencies' data agree.
    expect(node.citizen.fullName).toBe(fullNameOf(node.citizen.nationalId));
  }
}

const PURPOSE_REQUIRED_BODY = {
  errors: [
    {
      message:
        'This operation reads personal data (Query.citizen): declare your purpose in the ur-purpose header.',
      extensions: { code: 'PURPOSE_REQUIRED', fields: ['Query.citizen'] },
    },
  ],
};

/** Requests the direct path answers itself on the default graph. */
const DIRECT_CASES: Case[] = [
  {
    name: 'a cross-agency query by a registered client with its purpose',
    request: () => ({ query: RECORDS_QUERY, ...WELFARE }),
    direct: true,
    expected: expectRecords,
  },
  {
    name: 'a cross-agency query with variables',
    request: (f) => ({
      query:
        'query Holder($id: String!) { citizen(nationalId: $id) { nationalId fullName disabilityRecords { disabilityType percentage status } } }',
      variables: { id: f.holder },
      ...WELFARE,
    }),
    direct: true,
    expected: (a, f) => {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      const citizen = (
        a.body.data as { citizen: { fullName: string; disabilityRecords: { status: string }[] } }
      ).citizen;
      expect(citizen).toMatchObject({ nationalId: f.holder, fullName: fullNameOf(f.holder) });
      expect(citizen.disabilityRecords.map((r) => r.status)).toContain('ACTIVE');
    },
  },
  {
    name: 'fields the caller may not read: nulled with UNAUTHORIZED_FIELD_OR_TYPE, the rest answered',
    request: (f) => ({
      query:
        'query WelfareCheck($id: String!) { citizen(nationalId: $id) { fullName address disabilityRecords { percentage medicalNotes } } }',
      variables: { id: f.holder },
      ...WELFARE,
    }),
    direct: true,
    expected: (a, f) => {
      expect(a.status).toBe(200);
      const citizen = (
        a.body.data as { citizen: { fullName: string; address: unknown; disabilityRecords: Json[] } }
      ).citizen;
      expect(citizen.fullName).toBe(fullNameOf(f.holder));
      expect(citizen.address).toBeNull();
      expect(citizen.disabilityRecords[0]).toEqual({ percentage: expect.any(Number), medicalNotes: null });
      expect(codes(a)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHORIZED_FIELD_OR_TYPE']);
      expect(a.body.errors?.map((e) => e.extensions?.coordinate)).toEqual([
        'Citizen.address',
        'DisabilityRecord.medicalNotes',
      ]);
    },
  },
  {
    name: 'personal data without a declared purpose: 403 PURPOSE_REQUIRED',
    request: () => ({ query: CITIZEN_QUERY, variables: { id: person.nationalId }, client: 'welfare' }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 403,
        body: PURPOSE_REQUIRED_BODY,
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'a variable of the wrong type: 400 BAD_USER_INPUT',
    request: () => ({
      query: 'query Q($n: String!) { citizen(nationalId: $n) { fullName } }',
      variables: { n: 42 },
      ...WELFARE,
    }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: 'Variable "$n" got invalid value 42; String cannot represent a non string value: 42',
              locations: [{ line: 1, column: 9 }],
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'a required variable missing: 400 BAD_USER_INPUT',
    request: () => ({ query: 'query Q($n: String!) { citizen(nationalId: $n) { fullName } }', ...WELFARE }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors?.[0]?.message).toBe('Variable "$n" of required type "String!" was not provided.');
      expect(a.body.data).toBeUndefined();
    },
  },
  {
    name: 'an anonymous caller: public fields answered, personal data null with UNAUTHORIZED_FIELD_OR_TYPE',
    request: () => ({
      query: 'query($id: String!) { agencies { code } citizen(nationalId: $id) { fullName } }',
      variables: { id: person.nationalId },
    }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.body.data).toEqual({ agencies: expect.any(Array), citizen: null });
      expect((a.body.data as { agencies: unknown[] }).agencies.length).toBeGreaterThan(0);
      expect(a.body.errors).toEqual([
        {
          message:
            'You may not read Query.citizen: it needs scope identity.citizen.basic:read and a declared purpose (ur-purpose header) for personal data.',
          locations: [{ line: 1, column: 41 }],
          path: ['citizen'],
          extensions: {
            code: 'UNAUTHORIZED_FIELD_OR_TYPE',
            coordinate: 'Query.citizen',
            missingScopes: ['identity.citizen.basic:read'],
          },
        },
      ]);
    },
  },
  {
    name: 'an anonymous caller reading the public contractor registry (planning)',
    request: () => ({
      query: '{ contractors(first: 2) { edges { node { name grade status specializations } } } }',
    }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      const edges = (a.body.data as { contractors: { edges: { node: Json }[] } }).contractors.edges;
      expect(edges).toHaveLength(2);
      expect(edges[0]!.node).toEqual({
        name: expect.any(String),
        grade: expect.any(Number),
        status: expect.any(String),
        specializations: null,
      });
      // One error for the field in every item ('@' as in @apollo/gateway's paths).
      expect(a.body.errors?.map((e) => e.path?.join('.'))).toEqual([
        'contractors.edges.@.node.specializations',
      ]);
      expect(codes(a)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    },
  },
  {
    name: 'two named operations, operationName choosing the second',
    request: () => ({
      query:
        'query Agencies { agencies { code } } query Person($id: String!) { citizen(nationalId: $id) { fullName } }',
      operationName: 'Person',
      variables: { id: person.nationalId },
      ...WELFARE,
    }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { citizen: { fullName: person.fullName } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'the same document, operationName choosing the first (no personal data, no purpose needed)',
    request: () => ({
      query:
        'query Agencies { agencies { code } } query Person($id: String!) { citizen(nationalId: $id) { fullName } }',
      operationName: 'Agencies',
      client: 'welfare',
    }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect(Object.keys(a.body.data ?? {})).toEqual(['agencies']);
    },
  },
  {
    name: 'accept: application/graphql-response+json (content type follows it)',
    request: () => ({
      query: RECORDS_QUERY,
      ...WELFARE,
      headers: { accept: 'application/graphql-response+json' },
    }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.contentType).toBe(GRAPHQL_RESPONSE_TYPE);
      expect(a.body.errors).toBeUndefined();
      expect(
        (a.body.data as { disabilityRecords: { edges: unknown[] } }).disabilityRecords.edges,
      ).toHaveLength(3);
    },
  },
  {
    name: 'accept: application/graphql-response+json on a refusal (403 PURPOSE_REQUIRED)',
    request: () => ({
      query: CITIZEN_QUERY,
      variables: { id: person.nationalId },
      client: 'welfare',
      headers: { accept: 'application/graphql-response+json' },
    }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 403,
        body: PURPOSE_REQUIRED_BODY,
        contentType: GRAPHQL_RESPONSE_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'accept preferring application/json by q-value',
    request: () => ({
      query: '{ agencies { code } }',
      headers: { accept: 'application/graphql-response+json;q=0.5, application/json' },
    }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.contentType).toBe(JSON_TYPE);
    },
  },
  {
    // Media types are case-insensitive (RFC 9110 §8.3.1): this is a JSON POST like any other.
    name: 'content-type in capitals (APPLICATION/JSON; charset=utf-8): answered as JSON',
    request: () => ({
      query: '{ agency(code: "NDC") { code } }',
      headers: { 'content-type': 'APPLICATION/JSON; charset=utf-8' },
    }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { agency: { code: 'NDC' } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'an invalid national ID: the owning subgraph’s INVALID_NATIONAL_ID, 200',
    request: () => ({ query: '{ citizen(nationalId: "12345") { fullName } }', ...WELFARE }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: {
          data: { citizen: null },
          errors: [
            {
              message: '"12345" is not a valid national ID: it must be 12 digits, not starting with 0.',
              path: ['citizen'],
              extensions: { code: 'INVALID_NATIONAL_ID', argument: 'nationalId', serviceName: 'identity' },
            },
          ],
        },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'a page over the maximum: PAGE_SIZE_EXCEEDED with data null, 200',
    request: () => ({ query: '{ contractors(first: 101) { totalCount } }' }),
    direct: true,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.body.data).toBeNull();
      expect(codes(a)).toEqual(['PAGE_SIZE_EXCEEDED']);
    },
  },
  {
    name: 'fragments, aliases and @include with a variable',
    request: (f) => ({
      query: `query Frag($id: String!, $withRecords: Boolean!) {
        who: citizen(nationalId: $id) { ...Name records: disabilityRecords @include(if: $withRecords) { pct: percentage } }
      }
      fragment Name on Citizen { fullName nationalId }`,
      variables: { id: f.holder, withRecords: true },
      ...WELFARE,
    }),
    direct: true,
    expected: (a, f) => {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      const who = (a.body.data as { who: { fullName: string; records: { pct: number }[] } }).who;
      expect(Object.keys(who)).toEqual(['fullName', 'nationalId', 'records']);
      expect(who.fullName).toBe(fullNameOf(f.holder));
      expect(who.records[0]).toEqual({ pct: expect.any(Number) });
    },
  },
  {
    name: 'a citizen as themselves, reading their data tracker (platform, in process)',
    request: (f) => ({
      query: '{ myDataAccesses(first: 5) { edges { node { clientId purpose operationName fields } } } }',
      citizen: demoCitizens().find((c) => c.nationalId !== f.holder && c !== person)!.nationalId,
    }),
    direct: true,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { myDataAccesses: { edges: [] } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
];

/** Requests the direct path declines on the default graph: Apollo Server answers them. */
const DECLINED_CASES: Case[] = [
  {
    name: 'a GET request',
    request: () => ({
      method: 'GET',
      query: CITIZEN_QUERY,
      variables: { id: person.nationalId },
      ...WELFARE,
    }),
    direct: false,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { citizen: { fullName: person.fullName } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'a parse error: 400 GRAPHQL_PARSE_FAILED',
    request: () => ({ query: '{ agencies { code }' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body).toEqual({
        errors: [
          {
            message: 'Syntax Error: Expected Name, found <EOF>.',
            locations: [{ line: 1, column: 20 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      });
    },
  },
  {
    name: 'an unknown field: 400 GRAPHQL_VALIDATION_FAILED',
    request: () => ({ query: '{ agencies { code budget } }' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body).toEqual({
        errors: [
          {
            message: 'Cannot query field "budget" on type "Agency".',
            locations: [{ line: 1, column: 19 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    },
  },
  {
    name: 'an introspection query',
    request: () => ({ query: '{ __schema { queryType { name } } }' }),
    direct: false,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { __schema: { queryType: { name: 'Query' } } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    // Introspection mixed with data: the one case here that @apollo/gateway (loaded on first use) runs.
    name: 'introspection mixed with data',
    request: () => ({ query: '{ __type(name: "Agency") { name } agency(code: "NDC") { code } }' }),
    direct: false,
    expected: (a) => {
      expect(a).toEqual({
        status: 200,
        body: { data: { __type: { name: 'Agency' }, agency: { code: 'NDC' } } },
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      });
    },
  },
  {
    name: 'two operations and no operationName: an error, no data',
    request: () => ({ query: 'query A { agencies { code } } query B { agencies { nameEn } }' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
      expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    },
  },
  {
    name: 'an operationName the document does not have',
    request: () => ({ query: 'query A { agencies { code } }', operationName: 'B' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
      expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    },
  },
  {
    // GetOperation (spec §6.1): a name is given, and no operation has it (an anonymous one has no name).
    name: 'operationName "" for a document with one anonymous operation: an error, no data',
    request: () => ({ query: '{ agency(code: "NDC") { code } }', operationName: '' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
      expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    },
  },
  {
    name: 'a persisted query registered with its text (APQ)',
    request: () => ({
      query: APQ_QUERY,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(APQ_QUERY) } },
    }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect((a.body.data as { agencies: { code: string }[] }).agencies.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'a persisted query by hash only, unknown: PERSISTED_QUERY_NOT_FOUND',
    request: () => ({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(200);
      expect(a.body).toEqual({
        errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
      });
    },
  },
  {
    name: 'a persisted query whose hash does not match its text: 400 BAD_REQUEST',
    request: () => ({
      query: APQ_QUERY,
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body).toEqual({
        errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }],
      });
    },
  },
  {
    name: 'a subscription (the national graph has none): 400 GRAPHQL_VALIDATION_FAILED',
    request: () => ({ query: 'subscription S { agencies { code } }' }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
      expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(a.body.errors?.[0]?.message).toMatch(/no subscription/);
    },
  },
  {
    name: 'a content type other than JSON (text/plain): refused by CSRF prevention',
    request: () => ({ query: '{ agencies { code } }', headers: { 'content-type': 'text/plain' } }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
    },
  },
  {
    name: 'accept: text/html only on a POST (406)',
    request: () => ({ query: '{ agencies { code } }', headers: { accept: 'text/html' } }),
    direct: false,
    expected: (a) => {
      expect(a.status).toBe(406);
    },
  },
];

const CASES = [...DIRECT_CASES, ...DECLINED_CASES];

afterAll(() => executeHTTP.mockRestore());

describe('the direct path answers as Apollo Server does', () => {
  let direct: NationalGraph;
  let apollo: NationalGraph;
  const fixtures = {} as Fixtures;

  beforeAll(async () => {
    [direct, apollo] = await Promise.all([
      startNationalGraph(),
      startNationalGraph({ router: { directPath: false } }),
    ]);
    const res = await send(direct, {
      query:
        '{ disabilityRecords(first: 1, filter: { status: ACTIVE }) { edges { node { citizen { nationalId } } } } }',
      client: 'health-committee',
      purpose: 'MEDICAL_COMMITTEE_REVIEW',
    });
    const edges = (
      res.answer.body.data as {
        disabilityRecords: { edges: { node: { citizen: { nationalId: string } } }[] };
      }
    ).disabilityRecords.edges;
    const holder = edges[0]?.node.citizen.nationalId;
    if (!holder || !fullNameOf(holder)) throw new Error('no record holder among demo citizens');
    fixtures.holder = holder;
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), apollo?.close()]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const request = c.request(fixtures);
    const viaApollo = await send(apollo, request);
    const viaDirect = await send(direct, request);

    // The same answer, byte for byte; and the right one, so both being wrong the same way fails too.
    expect(viaDirect.answer).toEqual(viaApollo.answer);
    expect(viaDirect.text).toBe(viaApollo.text);
    c.expected(viaApollo.answer, fixtures);
    c.expected(viaDirect.answer, fixtures);

    // Who answered: the router itself, or Apollo Server.
    expect(viaApollo.apolloCalls).toBe(1);
    expect(viaDirect.apolloCalls).toBe(c.direct ? 0 : 1);

    // The auditor sees the same entry either way.
    expect(await auditOf(direct, viaDirect.requestId)).toEqual(await auditOf(apollo, viaApollo.requestId));
  });

  it('the data tracker of a citizen read above shows the same accesses on both graphs', async () => {
    const query =
      '{ myDataAccesses(first: 20) { edges { node { agency clientId purpose operationName fields } } } }';
    const viaApollo = await send(apollo, { query, citizen: person.nationalId });
    const viaDirect = await send(direct, { query, citizen: person.nationalId });
    expect(viaDirect.apolloCalls).toBe(0);
    expect(viaDirect.answer).toEqual(viaApollo.answer);
    const nodes = (
      viaDirect.answer.body.data as {
        myDataAccesses: { edges: { node: { operationName: string | null } }[] };
      }
    ).myDataAccesses.edges.map((e) => e.node);
    // Newest first: the GET (Eligibility) after the POST choosing Person; refusals read nothing.
    expect(nodes).toEqual([
      {
        agency: 'MOLSA',
        clientId: 'welfare',
        purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
        operationName: 'Eligibility',
        fields: ['Citizen.fullName', 'Query.citizen'],
      },
      {
        agency: 'MOLSA',
        clientId: 'welfare',
        purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
        operationName: 'Person',
        fields: ['Citizen.fullName', 'Query.citizen'],
      },
    ]);
  });

  it('audits a personal-data read identically on both paths (newest entry)', async () => {
    const request: Request = {
      query:
        'query WelfareCheck($id: String!) { citizen(nationalId: $id) { fullName address disabilityRecords { percentage } } }',
      variables: { id: fixtures.holder },
      ...WELFARE,
      headers: { 'ur-case': 'MOLSA-2026-00042' },
    };
    const viaApollo = await send(apollo, request);
    const viaDirect = await send(direct, request);
    expect(viaDirect.apolloCalls).toBe(0);
    expect(viaApollo.apolloCalls).toBe(1);
    expect(viaDirect.answer).toEqual(viaApollo.answer);

    const newest = async (graph: NationalGraph) => {
      await graph.auditWritten();
      return (
        await graph.platformOrm.em.fork().find(AuditEntry, {}, { orderBy: { seq: 'desc' }, limit: 1 })
      )[0]!;
    };
    const [d, a] = await Promise.all([newest(direct), newest(apollo)]);
    expect(d.requestId).toBe(viaDirect.requestId);
    expect(a.requestId).toBe(viaApollo.requestId);
    const compared = (e: AuditEntry) => ({
      operationName: e.operationName,
      documentHash: e.documentHash,
      fieldsRequested: e.fieldsRequested,
      fieldsDenied: e.fieldsDenied,
      subgraphs: e.subgraphs,
      outcome: e.outcome,
      subjects: e.subjects,
      clientId: e.clientId,
      purpose: e.purpose,
      caseNumber: e.caseNumber,
      agency: e.agency,
    });
    expect(compared(d)).toEqual(compared(a));
    expect(compared(d)).toEqual({
      operationName: 'WelfareCheck',
      documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      fieldsRequested: [
        'Citizen.address',
        'Citizen.disabilityRecords',
        'Citizen.fullName',
        'DisabilityRecord.percentage',
        'Query.citizen',
      ],
      fieldsDenied: ['Citizen.address'],
      subgraphs: expect.arrayContaining(['identity', 'health']),
      outcome: 'PARTIAL',
      subjects: [fixtures.holder],
      clientId: 'welfare',
      purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
      caseNumber: 'MOLSA-2026-00042',
      agency: 'MOLSA',
    });
  });

  // Last: it stops a subgraph in both graphs (graph.close() then closes it a second time, harmlessly).
  it('a subgraph down: SUBGRAPH_UNAVAILABLE naming the agency, the rest answered, on both paths', async () => {
    await Promise.all([
      direct.subgraphs['higher-education']!.close(),
      apollo.subgraphs['higher-education']!.close(),
    ]);
    const request: Request = { query: '{ agencies { code } university(id: "UOB") { id } }' };
    const viaApollo = await send(apollo, request);
    const viaDirect = await send(direct, request);
    expect(viaDirect.apolloCalls).toBe(0);
    expect(viaApollo.apolloCalls).toBe(1);
    expect(viaDirect.answer.status).toBe(200);
    expect(viaDirect.answer.body.data).toEqual({ agencies: expect.any(Array), university: null });
    expect(viaDirect.answer.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: 'higher-education',
          agency: 'MOHESR',
        }),
      }),
    ]);
    expect(viaDirect.answer).toEqual(viaApollo.answer);
    expect(viaDirect.text).toBe(viaApollo.text);
    expect(await auditOf(direct, viaDirect.requestId)).toEqual(await auditOf(apollo, viaApollo.requestId));
  });
});

describe('reject mode: the direct path (POST) answers as Apollo Server (GET) does', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ authzMode: 'reject', only: ['identity'] });
  });
  afterAll(() => graph.close());

  it('refuses the whole operation with 403 OPERATION_REJECTED either way, audited alike', async () => {
    const request: Request = {
      query: 'query Check($id: String!) { agencies { code } citizen(nationalId: $id) { fullName address } }',
      variables: { id: person.nationalId },
      ...WELFARE,
    };
    const viaApollo = await send(graph, { ...request, method: 'GET' });
    const viaDirect = await send(graph, request);
    expect(viaApollo.apolloCalls).toBe(1);
    expect(viaDirect.apolloCalls).toBe(0);
    expect(viaDirect.answer).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message: 'Operation rejected: you may not read Citizen.address.',
            extensions: {
              code: 'OPERATION_REJECTED',
              deniedFields: ['Citizen.address'],
              missingScopes: ['identity.citizen.address:read'],
            },
          },
        ],
      },
      contentType: JSON_TYPE,
      cacheControl: 'no-store',
    });
    expect(viaDirect.answer).toEqual(viaApollo.answer);
    expect(viaDirect.text).toBe(viaApollo.text);
    expect(await auditOf(graph, viaDirect.requestId)).toEqual(await auditOf(graph, viaApollo.requestId));
    expect(await auditOf(graph, viaDirect.requestId)).toMatchObject({
      outcome: 'FAILED:OPERATION_REJECTED',
      fieldsDenied: ['Citizen.address'],
      subjects: [],
    });
  });
});
