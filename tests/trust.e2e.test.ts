import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { importPrivateKey, issueClientAssertion } from '../kit/auth/client-token';
import { demoCitizens } from '../kit/demo/citizens';
import { verifyChain } from '../subgraphs/platform/audit/verify-chain';
import { AuditEntry } from '../subgraphs/platform/entities/audit-entry.entity';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

const CITIZEN_QUERY = 'query Eligibility($id: String!) { citizen(nationalId: $id) { fullName } }';

describe('trust layer: purposes, audit trail, data tracker, client registry', () => {
  let graph: NationalGraph;
  const person = demoCitizens()[7]!;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity', 'health'], redisUrl: process.env.REDIS_URL });
  });
  afterAll(() => graph.close());

  describe('purposes', () => {
    it('refuses personal data without a declared purpose: 403 PURPOSE_REQUIRED, nothing fetched', async () => {
      const before = graph.subgraphs.identity!.stats.requests;
      const res = await graph.query(
        CITIZEN_QUERY,
        { id: person.nationalId },
        { client: 'welfare', purpose: null },
      );
      expect(res).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message:
                'This operation reads personal data (Query.citizen): declare your purpose in the ur-purpose header.',
              extensions: { code: 'PURPOSE_REQUIRED', fields: ['Query.citizen'] },
            },
          ],
        },
      });
      expect(graph.subgraphs.identity!.stats.requests).toBe(before);
    });

    it('refuses a purpose the client is not allowed: 403 PURPOSE_NOT_ALLOWED listing the allowed ones', async () => {
      const res = await graph.query(
        CITIZEN_QUERY,
        { id: person.nationalId },
        { client: 'welfare', purpose: 'MEDICAL_COMMITTEE_REVIEW' },
      );
      expect(res).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message:
                'Purpose "MEDICAL_COMMITTEE_REVIEW" is not allowed for client "welfare"; allowed: SOCIAL_WELFARE_ELIGIBILITY.',
              extensions: { code: 'PURPOSE_NOT_ALLOWED', allowedPurposes: ['SOCIAL_WELFARE_ELIGIBILITY'] },
            },
          ],
        },
      });
    });

    it('refuses a purpose the client lists but the platform has not registered: 403 PURPOSE_NOT_ALLOWED', async () => {
      await graph.putClient({
        id: 'unregistered-purpose',
        name: 'Lists a purpose nobody registered',
        agency: 'MOLSA',
        scopes: ['identity.citizen.basic:read'],
        purposes: ['NOT_A_REGISTERED_PURPOSE'],
        rateLimitPerMinute: 600,
        status: 'ACTIVE',
      });
      const res = await graph.query(
        CITIZEN_QUERY,
        { id: person.nationalId },
        { client: 'unregistered-purpose' },
      );
      expect(res).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message:
                'Purpose "NOT_A_REGISTERED_PURPOSE" is not allowed for client "unregistered-purpose"; allowed: NOT_A_REGISTERED_PURPOSE.',
              extensions: { code: 'PURPOSE_NOT_ALLOWED', allowedPurposes: ['NOT_A_REGISTERED_PURPOSE'] },
            },
          ],
        },
      });
    });

    it('answers with an allowed purpose', async () => {
      const res = await graph.query(CITIZEN_QUERY, { id: person.nationalId }, { client: 'welfare' });
      expect(res).toEqual({ status: 200, body: { data: { citizen: { fullName: person.fullName } } } });
    });

    it('does not ask for a purpose when no personal data is read', async () => {
      const res = await graph.query('{ agencies { code } }', {}, { client: 'welfare', purpose: null });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    });
  });

  describe('audit trail and the citizen’s data tracker', () => {
    it('records who read whose data, which fields, for what purpose and case; the citizen and the auditor see it', async () => {
      const res = await graph.query(
        'query WelfareCheck($id: String!) { citizen(nationalId: $id) { fullName address disabilityRecords { percentage } } }',
        { id: person.nationalId },
        { client: 'welfare', headers: { 'ur-case': 'MOLSA-2026-00042' } },
      );
      expect(res.status).toBe(200);
      const requestId = res.headers.get('ur-request-id');
      await graph.auditWritten();
      const entry = await graph.platformOrm.em.fork().findOneOrFail(AuditEntry, { requestId });
      expect(entry).toMatchObject({
        clientId: 'welfare',
        agency: 'MOLSA',
        purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
        caseNumber: 'MOLSA-2026-00042',
        operationName: 'WelfareCheck',
        fieldsRequested: [
          'Citizen.address',
          'Citizen.disabilityRecords',
          'Citizen.fullName',
          'DisabilityRecord.percentage',
          'Query.citizen',
        ],
        fieldsDenied: ['Citizen.address'],
        subjects: [person.nationalId],
        outcome: 'PARTIAL',
      });
      expect(entry.subgraphs).toEqual(expect.arrayContaining(['identity']));
      expect(entry.documentHash).toMatch(/^[0-9a-f]{64}$/);

      const mine = await graph.query(
        '{ myDataAccesses(first: 5) { edges { node { agency agencyNameEn clientId purpose caseNumber operationName fields } } } }',
        {},
        { citizen: person.nationalId },
      );
      expect(mine.status).toBe(200);
      const accesses = (mine.body.data as { myDataAccesses: { edges: { node: unknown }[] } }).myDataAccesses
        .edges;
      expect(accesses[0]?.node).toEqual({
        agency: 'MOLSA',
        agencyNameEn: 'Ministry of Labour and Social Affairs',
        clientId: 'welfare',
        purpose: 'SOCIAL_WELFARE_ELIGIBILITY',
        caseNumber: 'MOLSA-2026-00042',
        operationName: 'WelfareCheck',
        fields: [
          'Citizen.disabilityRecords',
          'Citizen.fullName',
          'DisabilityRecord.percentage',
          'Query.citizen',
        ],
      });

      const audited = await graph.query(
        'query($c: String!) { auditEntries(first: 50, filter: { citizen: $c, clientId: "welfare" }) { edges { node { requestId subjects } } } }',
        { c: person.nationalId },
        { client: 'auditor' },
      );
      const nodes = (audited.body.data as { auditEntries: { edges: { node: { requestId: string } }[] } })
        .auditEntries.edges;
      expect(nodes.map((e) => e.node.requestId)).toContain(requestId);
    });

    it('another citizen sees none of it, and a client cannot read the data tracker', async () => {
      const other = demoCitizens()[8]!;
      const theirs = await graph.query(
        '{ myDataAccesses { edges { node { clientId } } } }',
        {},
        { citizen: other.nationalId },
      );
      expect(theirs.body).toEqual({ data: { myDataAccesses: { edges: [] } } });
      const client = await graph.query(
        '{ myDataAccesses { edges { node { clientId } } } }',
        {},
        { client: 'welfare' },
      );
      expect(client.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    });

    it('the chain verifies, and names the first entry that was edited or deleted', async () => {
      await graph.auditWritten();
      const em = graph.platformOrm.em.fork();
      expect(await verifyChain(em)).toMatchObject({ ok: true });
      const entries = await em.find(AuditEntry, {}, { orderBy: { seq: 'asc' } });
      expect(entries.length).toBeGreaterThan(3);
      const victim = entries[1]!;
      await em.nativeUpdate(AuditEntry, { seq: victim.seq }, { outcome: 'OK', subjects: [] });
      expect(await verifyChain(graph.platformOrm.em.fork())).toEqual({
        ok: false,
        entries: victim.seq - 1,
        firstBroken: { seq: victim.seq, problem: 'its fields do not match its hash (edited)' },
      });
      await em.nativeDelete(AuditEntry, { seq: victim.seq });
      expect(await verifyChain(graph.platformOrm.em.fork())).toEqual({
        ok: false,
        entries: victim.seq - 1,
        firstBroken: { seq: victim.seq, problem: `entry ${victim.seq} is missing (deleted)` },
      });
    });
  });

  describe('client registry', () => {
    it('a suspension takes effect on the next request, and lifting it too', async () => {
      // Welfare was just looked up, so the router holds its registry entry (UR_REGISTRY_CACHE_MS).
      expect((await graph.query('{ agencies { code } }', {}, { client: 'welfare' })).status).toBe(200);
      const suspend = await graph.query(
        'mutation { suspendClient(id: "welfare") { id status } }',
        {},
        { client: 'platform-admin' },
      );
      expect(suspend.body).toEqual({ data: { suspendClient: { id: 'welfare', status: 'SUSPENDED' } } });
      const refused = await graph.query('{ agencies { code } }', {}, { client: 'welfare' });
      expect(refused).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message: 'Client "welfare" is suspended; contact the platform administrator.',
              extensions: { code: 'CLIENT_SUSPENDED' },
            },
          ],
        },
      });
      await graph.query(
        'mutation { reactivateClient(id: "welfare") { status } }',
        {},
        { client: 'platform-admin' },
      );
      expect((await graph.query('{ agencies { code } }', {}, { client: 'welfare' })).status).toBe(200);
    });

    it('only a platform administrator may manage clients', async () => {
      const res = await graph.query(
        'mutation { suspendClient(id: "auditor") { status } }',
        {},
        { client: 'welfare' },
      );
      // suspendClient is non-null, so its null bubbles up to data, as execution would.
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'You may not read Mutation.suspendClient: it needs scope platform.admin.',
        extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', missingScopes: ['platform.admin'] },
      });
    });

    it('a client’s own key: assertion accepted once, a replay refused, a revoked key refused at once', async () => {
      const pair = generateKeyPairSync('ed25519', {
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const added = await graph.query(
        'mutation($pem: String!) { addClientKey(clientId: "auditor", publicKeyPem: $pem) { id status } }',
        { pem: pair.publicKey },
        { client: 'platform-admin' },
      );
      const keyId = (added.body.data as { addClientKey: { id: string } }).addClientKey.id;
      const signer = await importPrivateKey(pair.privateKey);
      const assertion = await issueClientAssertion('auditor', keyId, signer);
      expect((await graph.query('{ agencies { code } }', {}, { token: assertion })).status).toBe(200);
      const replay = await graph.query('{ agencies { code } }', {}, { token: assertion });
      expect(replay).toEqual({
        status: 401,
        body: {
          errors: [
            {
              message: 'This token was already used; sign a new assertion for each request.',
              extensions: { code: 'UNAUTHENTICATED', reason: 'replayed' },
            },
          ],
        },
      });
      await graph.query(
        'mutation($id: ID!) { revokeClientKey(id: $id) { status } }',
        { id: keyId },
        { client: 'platform-admin' },
      );
      const revoked = await graph.query(
        '{ agencies { code } }',
        {},
        { token: await issueClientAssertion('auditor', keyId, signer) },
      );
      expect(revoked.status).toBe(401);
      expect(revoked.body.errors?.[0]?.extensions).toEqual({
        code: 'UNAUTHENTICATED',
        reason: 'key-revoked',
      });
    });

    it('a flood over the client’s rate limit: 429 RATE_LIMITED with Retry-After', async () => {
      // Limits count per clock minute: start the flood well inside one, so it is not split in two.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
      const id = `flood-${process.pid}-${Date.now() % 100000}`;
      await graph.putClient({
        id,
        name: 'Flood test',
        agency: 'MOT',
        scopes: [],
        purposes: [],
        rateLimitPerMinute: 3,
        status: 'ACTIVE',
      });
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push(await graph.query('{ agencies { code } }', {}, { client: id }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
      expect(answers[3]!.body.errors?.[0]?.extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfter: expect.any(Number),
      });
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  it('a client can ask what it may read and what it lacks', async () => {
    const res = await graph.query(
      '{ myPermissions(onlyDenied: true) { clientId scopes fields { coordinate allowed missingScopes needsPurpose } } }',
      {},
      { client: 'welfare' },
    );
    const report = (
      res.body.data as { myPermissions: { clientId: string; fields: { coordinate: string }[] } }
    ).myPermissions;
    expect(report.clientId).toBe('welfare');
    expect(report.fields).toContainEqual({
      coordinate: 'DisabilityRecord.medicalNotes',
      allowed: false,
      missingScopes: ['health.disability.medical:read'],
      needsPurpose: true,
    });
    expect(report.fields.map((f) => f.coordinate)).not.toContain('Citizen.fullName');
  });
});

describe('audit store down', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    graph = await startNationalGraph({
      only: ['identity'],
      auditSink: { append: () => Promise.reject(new Error('audit database unreachable')) },
    });
  });
  afterAll(() => graph.close());

  it('refuses to release personal data unrecorded: 503 AUDIT_UNAVAILABLE', async () => {
    const res = await graph.query(
      CITIZEN_QUERY,
      { id: demoCitizens()[0]!.nationalId },
      { client: 'welfare' },
    );
    expect(res).toEqual({
      status: 503,
      body: {
        data: null,
        errors: [
          {
            message: 'The audit trail is unavailable, so personal data cannot be released. Retry later.',
            extensions: { code: 'AUDIT_UNAVAILABLE' },
          },
        ],
      },
    });
  });

  it('still answers operations without personal data', async () => {
    const res = await graph.query('{ agencies { code } }', {}, { client: 'welfare' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});

describe('policy dry run (UR_POLICY_DRY_RUN)', () => {
  let graph: NationalGraph;
  beforeAll(async () => {
    // The candidate tightens the policy: the citizen's governorate would need the address scope too.
    const candidate = readFileSync('schema/supergraph.graphql', 'utf8').replace(
      /(\n {2}governorate: Governorate!)(\s*@join__field\(graph: IDENTITY\))?/,
      '$1$2 @requiresScopes(scopes: [["identity.citizen.address:read"]])',
    );
    graph = await startNationalGraph({ only: ['identity'], dryRunSupergraphSdl: candidate });
  });
  afterAll(() => graph.close());

  it('reports what a candidate policy would deny, and denies nothing more', async () => {
    const res = await graph.query(
      'query($id: String!) { citizen(nationalId: $id) { fullName governorate { code } } }',
      { id: demoCitizens()[2]!.nationalId },
      { client: 'welfare' },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions).toEqual({
      urPolicyDryRun: { wouldDeny: ['Citizen.governorate'], wouldAllow: [] },
    });
  });
});
