import { generateKeyPairSync } from 'node:crypto';
import { importPrivateKey, issuePlatformToken } from '../kit/auth/client-token';
import { demoCitizens } from '../kit/demo/citizens';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/** What each kind of bad input gets from the router: status, code, message, and no internals. */
describe('bad input through the router', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph();
    await graph.putClient({
      id: 'paused',
      name: 'Paused',
      agency: 'MOT',
      scopes: [],
      purposes: [],
      rateLimitPerMinute: 100,
      status: 'SUSPENDED',
    });
  });
  afterAll(() => graph.close());

  it('a malformed query: 400 GRAPHQL_PARSE_FAILED with the location', async () => {
    const res = await graph.query('{ agencies { code }');
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Syntax Error: Expected Name, found <EOF>.',
            locations: [{ line: 1, column: 20 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      },
    });
  });

  it('an unknown field: 400 GRAPHQL_VALIDATION_FAILED naming it', async () => {
    const res = await graph.query('{ agencies { code budget } }');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: 'Cannot query field "budget" on type "Agency".',
        locations: [{ line: 1, column: 19 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('a variable of the wrong type: 400 BAD_USER_INPUT naming it, before any subgraph is called', async () => {
    const res = await graph.query(
      'query Q($n: String!) { citizen(nationalId: $n) { fullName } }',
      { n: 42 },
      { client: 'welfare' },
    );
    expect(res).toEqual({
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
    });
  });

  it('an invalid national ID: INVALID_NATIONAL_ID from the owning subgraph, null data', async () => {
    const res = await graph.query('{ citizen(nationalId: "12345") { fullName } }', {}, { client: 'welfare' });
    expect(res).toEqual({
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
    });
  });

  it.each([['not a JWT', 'not-a-token', 'The token is not a well-formed signed JWT.', 'malformed']])(
    'a bad token (%s): 401 UNAUTHENTICATED',
    async (_label, token, message, reason) => {
      const res = await graph.query('{ agencies { code } }', {}, { token });
      expect(res).toEqual({
        status: 401,
        body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED', reason } }] },
      });
    },
  );

  it('an expired token: 401 UNAUTHENTICATED, reason expired', async () => {
    const res = await graph.query('{ agencies { code } }', {}, { token: await graph.token('welfare', -10) });
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'The token has expired; request a new one.',
            extensions: { code: 'UNAUTHENTICATED', reason: 'expired' },
          },
        ],
      },
    });
  });

  it('a token signed with another key (forged): 401 UNAUTHENTICATED, reason bad-signature', async () => {
    const other = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const forged = await issuePlatformToken('welfare', await importPrivateKey(other.privateKey));
    const res = await graph.query('{ agencies { code } }', {}, { token: forged });
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'The token’s signature does not match its issuer’s key.',
            extensions: { code: 'UNAUTHENTICATED', reason: 'bad-signature' },
          },
        ],
      },
    });
  });

  it('a token whose payload was edited: 401 UNAUTHENTICATED', async () => {
    const [h, , s] = (await graph.token('welfare')).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'health-committee', exp: 9999999999 })).toString(
      'base64url',
    );
    const res = await graph.query('{ agencies { code } }', {}, { token: `${h}.${payload}.${s}` });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'bad-signature' });
  });

  it('a token for an unregistered client: 401 UNKNOWN_CLIENT', async () => {
    const res = await graph.query('{ agencies { code } }', {}, { client: 'nobody' });
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'No client "nobody" is registered with the platform.',
            extensions: { code: 'UNKNOWN_CLIENT' },
          },
        ],
      },
    });
  });

  it('a suspended client: 403 CLIENT_SUSPENDED', async () => {
    const res = await graph.query('{ agencies { code } }', {}, { client: 'paused' });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'CLIENT_SUSPENDED' });
  });

  it('an Authorization header that is not Bearer: 401 UNAUTHENTICATED', async () => {
    const res = await graph.query(
      '{ agencies { code } }',
      {},
      { headers: { authorization: 'Basic dXI6dXI=' } },
    );
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [
          {
            message: 'The Authorization header must be "Bearer <token>".',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    });
  });

  it('a body over the size limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await graph.query(`{ agencies { code } } # ${'x'.repeat(1024 * 1024)}`);
    expect(res).toEqual({
      status: 413,
      body: {
        errors: [
          {
            message: 'Request body is over the limit of 1048576 bytes.',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      },
    });
  });

  it('anonymous caller asking for a citizen: null with UNAUTHORIZED_FIELD_OR_TYPE, never fetched', async () => {
    const id = demoCitizens()[0]!.nationalId;
    const res = await graph.query(
      'query($id: String!) { agencies { code } citizen(nationalId: $id) { fullName } }',
      { id },
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ agencies: expect.any(Array), citizen: null });
    expect(res.body.errors).toEqual([
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
  });
});

describe('reject mode (UR_AUTHZ_MODE=reject)', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ authzMode: 'reject', only: ['identity'] });
  });
  afterAll(() => graph.close());

  it('refuses the whole operation with 403 OPERATION_REJECTED, executing nothing', async () => {
    const before = graph.subgraphs.identity!.stats.requests;
    const id = demoCitizens()[0]!.nationalId;
    const res = await graph.query(
      'query($id: String!) { agencies { code } citizen(nationalId: $id) { fullName address } }',
      { id },
      { client: 'welfare' },
    );
    expect(res).toEqual({
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
    });
    expect(graph.subgraphs.identity!.stats.requests).toBe(before);
  });
});

describe('a subgraph down', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity'] });
    await graph.subgraphs.identity!.close();
  });
  afterAll(() => graph.router.close());

  it('answers SUBGRAPH_UNAVAILABLE naming the agency, with null data', async () => {
    const res = await graph.query('{ agencies { code } }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message:
            'National Data Center (identity) is unavailable; its fields are null and the rest of the answer stands.',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity', agency: 'NDC' },
        },
      ],
    });
  });
});
