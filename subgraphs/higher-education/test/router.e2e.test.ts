import { generateKeyPairSync } from 'node:crypto';
import type { KeyLike } from 'jose';
import { importPrivateKey, issuePlatformToken } from '../../../kit/auth/client-token';
import { demoAcademicRecords, gradeBand } from '../../../kit/demo/academic-records';
import { demoCitizens } from '../../../kit/demo/citizens';
import { DEMO_REFERENCE_DATE } from '../../../kit/demo/shared-keys';
import { composeSupergraph, printSubgraphSdl } from '../../../kit/schema/compose';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { startTestSubgraph, TEST_SECRET } from '../../../kit/testing/subgraph-harness';
import type { RegisteredClient } from '../../../router/clients/client';
import { StaticClientRegistry } from '../../../router/clients/demo-clients';
import { type RunningRouter, startRouter } from '../../../router/start-router';
import { identity } from '../../identity/subgraph';
import { pinToday } from '../../../kit/clock';
import { VerificationRequest } from '../entities/verification-request.entity';
import { higherEducation } from '../subgraph';
import { BASIC, DEGREE_VERIFIER_SCOPES, REGISTRAR_SCOPES, S, soleDegrees } from './support';

/**
 * Through the router, as agencies call the national graph: identity and higher education
 * composed into one supergraph, the demo clients of the ministry's brief, and one client per
 * missing scope, so that each permission is seen refused and granted.
 */
const CLIENTS: RegisteredClient[] = [
  {
    id: 'degree-verifier',
    name: 'Personnel department degree checks (MOI)',
    agency: 'MOI',
    scopes: DEGREE_VERIFIER_SCOPES,
    purposes: ['DEGREE_VERIFICATION'],
    rateLimitPerMinute: 6000,
    status: 'ACTIVE',
  },
  {
    id: 'mohe-registrar',
    name: 'Academic records registrar (MOHESR)',
    agency: 'MOHESR',
    scopes: REGISTRAR_SCOPES,
    purposes: ['ACADEMIC_RECORDS', 'DEGREE_VERIFICATION'],
    rateLimitPerMinute: 6000,
    status: 'ACTIVE',
  },
  {
    id: 'admissions-office',
    name: 'Postgraduate admissions (test client)',
    agency: 'MOHESR',
    scopes: [BASIC, S.admissionRead],
    purposes: ['ACADEMIC_RECORDS'],
    rateLimitPerMinute: 6000,
    status: 'ACTIVE',
  },
];

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

const records = demoAcademicRecords();
const degrees = records.filter((r) => r.kind !== 'TRANSCRIPT');
const citizenOf = (nationalId: string) => demoCitizens().find((c) => c.nationalId === nationalId)!;

describe('higher education through the router', () => {
  let router: RunningRouter;
  let he: RunningSubgraph;
  let id: RunningSubgraph;
  let key: KeyLike;

  beforeAll(async () => {
    pinToday(DEMO_REFERENCE_DATE);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    key = await importPrivateKey(privateKey);
    [id, he] = await Promise.all([startTestSubgraph(identity), startTestSubgraph(higherEducation)]);
    const supergraphSdl = composeSupergraph(
      {
        federation_version: '=2.14.4',
        subgraphs: {
          identity: { routing_url: id.url, schema: { file: '' } },
          'higher-education': { routing_url: he.url, schema: { file: '' } },
        },
      },
      {
        identity: await printSubgraphSdl(identity),
        'higher-education': await printSubgraphSdl(higherEducation),
      },
    );
    router = await startRouter({
      supergraphSdl,
      subgraphUrls: { identity: id.url, 'higher-education': he.url },
      agencies: { identity: 'NDC', 'higher-education': 'MOHESR' },
      platformPublicKeyPem: publicKey,
      contextSecret: TEST_SECRET,
      clients: new StaticClientRegistry(CLIENTS),
      authzMode: 'filter',
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    pinToday(undefined);
    await router?.close();
    await Promise.all([he?.close(), id?.close()]);
  });

  /**
   * POSTs to the router as a client, declaring its first purpose unless `purpose` says otherwise
   * (`null`: none), and a case number when given.
   */
  async function as(
    client: string | null,
    query: string,
    variables = {},
    caseNumber?: string,
    purpose?: string | null,
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (client) {
      headers.authorization = `Bearer ${await issuePlatformToken(client, key)}`;
      const declared = purpose === undefined ? CLIENTS.find((c) => c.id === client)!.purposes[0]! : purpose;
      if (declared) headers['ur-purpose'] = declared;
    }
    if (caseNumber) headers['ur-case'] = caseNumber;
    const res = await fetch(router.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  const refusal = (coordinate: string, path: (string | number)[], missing: string) => ({
    message: `You may not read ${coordinate}: it needs scope ${missing}.`,
    locations: expect.any(Array),
    path,
    extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate, missingScopes: [missing] },
  });

  const VERIFY = `mutation($input: VerifyAcademicDocumentInput!) { verifyAcademicDocument(input: $input) {
    requestId outcome mismatchedFields reasonDetails { code }
    academicDocument { id holder { nationalId fullName } document { id } university { name } }
  } }`;

  it('cross-agency: a ministry’s personnel department reads a graduate’s degrees and verifies one', async () => {
    const r = degrees.find((x) => !x.revoked && !x.tamperedCopy && x.kind === 'BACHELOR')!;
    const person = citizenOf(r.holderNationalId);
    const read = await as(
      'degree-verifier',
      `query($n: String!) { citizen(nationalId: $n) { fullName academicDocuments { id serialNumber kind status } } }`,
      { n: r.holderNationalId },
    );
    expect(read.body).toEqual({
      data: {
        citizen: {
          fullName: person.fullName,
          academicDocuments: records
            .filter((x) => x.holderNationalId === r.holderNationalId)
            .map((x) => ({
              id: x.id,
              serialNumber: x.serialNumber,
              kind: x.kind,
              status: x.revoked ? 'REVOKED' : 'ACTIVE',
            })),
        },
      },
    });

    const verified = await as(
      'degree-verifier',
      VERIFY,
      {
        input: {
          serialNumber: r.serialNumber,
          holderNationalId: r.holderNationalId,
          presentedFields: { kind: r.kind },
        },
      },
      'MOI/HR/2026/0777',
    );
    expect(verified.body).toEqual({
      data: {
        verifyAcademicDocument: {
          requestId: expect.stringMatching(/^VR-/),
          outcome: 'ISSUED',
          mismatchedFields: [],
          reasonDetails: [
            { code: 'ISSUED_BY_UNIVERSITY' },
            { code: 'HOLDER_MATCHES' },
            { code: 'DETAILS_MATCH' },
            { code: 'STANDS' },
          ],
          academicDocument: {
            id: r.id,
            holder: { nationalId: r.holderNationalId, fullName: person.fullName },
            document: { id: r.documentId },
            university: { name: expect.any(String) },
          },
        },
      },
    });

    // The ministry sees the request, who made it, for what purpose and case.
    const requestId = (verified.body.data!.verifyAcademicDocument as { requestId: string }).requestId;
    const log = await as(
      'mohe-registrar',
      `query($u: String) { verificationRequests(filter: { universityCode: $u }, first: 100) { edges { node {
        id requestedByClient requestedByAgency purpose caseNumber outcome academicDocument { id } } } } }`,
      { u: r.universityCode },
    );
    const edges = (log.body.data!.verificationRequests as { edges: { node: { id: string } }[] }).edges;
    expect(edges.find((e) => e.node.id === requestId)).toEqual({
      node: {
        id: requestId,
        requestedByClient: 'degree-verifier',
        requestedByAgency: 'MOI',
        purpose: 'DEGREE_VERIFICATION',
        caseNumber: 'MOI/HR/2026/0777',
        outcome: 'ISSUED',
        academicDocument: { id: r.id },
      },
    });
  });

  it('a revocation by the ministry is seen by the next verification of another agency', async () => {
    const r = degrees.find((x) => !x.revoked && !x.tamperedCopy && x.kind === 'MASTER')!;
    const revoked = await as(
      'mohe-registrar',
      'mutation($id: ID!) { revokeAcademicDocument(id: $id, reason: "ثبوت تزوير الشهادة") { status revocationReason } }',
      { id: r.id },
    );
    expect(revoked.body).toEqual({
      data: { revokeAcademicDocument: { status: 'REVOKED', revocationReason: 'ثبوت تزوير الشهادة' } },
    });
    const verified = await as('degree-verifier', VERIFY, { input: { serialNumber: r.serialNumber } });
    expect(verified.body.data!.verifyAcademicDocument).toMatchObject({
      outcome: 'REVOKED',
      reasonDetails: [{ code: 'ISSUED_BY_UNIVERSITY' }, { code: 'REVOKED' }],
    });
  });

  it('the grade never leaves the subgraph for a client without the grade scope', async () => {
    const r = degrees[0]!;
    he.stats.recentQueries.length = 0;
    const res = await as(
      'degree-verifier',
      'query($id: ID!) { academicDocument(id: $id) { serialNumber gradeAverage } }',
      {
        id: r.id,
      },
    );
    expect(res.body).toEqual({
      data: { academicDocument: { serialNumber: r.serialNumber, gradeAverage: null } },
      errors: [
        refusal('AcademicDocument.gradeAverage', ['academicDocument', 'gradeAverage'], S.documentGradeRead),
      ],
    });
    expect(he.stats.recentQueries.join('\n')).not.toMatch(/gradeAverage(?!:__typename)/);
    const registrar = await as(
      'mohe-registrar',
      'query($id: ID!) { academicDocument(id: $id) { gradeAverage gradeBand { ar } } }',
      {
        id: r.id,
      },
    );
    expect(registrar.body).toEqual({
      data: { academicDocument: { gradeAverage: r.gradeAverage, gradeBand: { ar: expect.any(String) } } },
    });
  });

  it('background consistency for a program, with the applicant’s name from identity', async () => {
    const r = soleDegrees(
      (x) =>
        x.kind === 'BACHELOR' && x.specialization.code === 'CIVIL_ENG' && x.gradeAverage >= 65 && !x.revoked,
    )[0]!;
    const res = await as(
      'admissions-office',
      `query($n: String!) { backgroundConsistency(nationalId: $n, programId: "PGP-001") {
        applicant { fullName } program { nameEn university { name } } consistent matchedRule { id } reasonDetails { code } } }`,
      { n: r.holderNationalId },
    );
    expect(res.body).toEqual({
      data: {
        backgroundConsistency: {
          applicant: { fullName: citizenOf(r.holderNationalId).fullName },
          program: { nameEn: 'Master in Civil Engineering', university: { name: 'جامعة بغداد' } },
          consistent: true,
          matchedRule: { id: 'PGP-001-R1' },
          reasonDetails: [{ code: 'CONSISTENT' }],
        },
      },
    });
  });

  describe('each permission, refused at the router and granted', () => {
    const [someone, another] = degrees.filter((x) => x.kind === 'DOCTORATE' && !x.revoked && !x.tamperedCopy);
    type Case = {
      query: string;
      vars: Record<string, unknown>;
      lacks: string;
      has: string;
      coordinate: string;
      path: string[];
      refusedData: Record<string, unknown> | null;
      granted: Record<string, unknown>;
    };
    const cases: Record<string, Case> = {
      [S.documentRead]: {
        query: 'query($id: ID!) { academicDocument(id: $id) { id } }',
        vars: { id: someone!.id },
        lacks: 'admissions-office',
        has: 'degree-verifier',
        coordinate: 'Query.academicDocument',
        path: ['academicDocument'],
        refusedData: { academicDocument: null },
        granted: { academicDocument: { id: someone!.id } },
      },
      [S.documentGradeRead]: {
        query: 'query($id: ID!) { academicDocument(id: $id) { gradeBand { en } } }',
        vars: { id: someone!.id },
        lacks: 'degree-verifier',
        has: 'mohe-registrar',
        coordinate: 'AcademicDocument.gradeBand',
        path: ['academicDocument', 'gradeBand'],
        refusedData: { academicDocument: { gradeBand: null } },
        granted: { academicDocument: { gradeBand: { en: gradeBand(someone!.gradeAverage).en } } },
      },
      [S.verificationRead]: {
        query: '{ verificationRequests(filter: { outcome: REFER_TO_DOCUMENTS }) { totalCount } }',
        vars: {},
        lacks: 'admissions-office',
        has: 'degree-verifier',
        coordinate: 'Query.verificationRequests',
        path: ['verificationRequests'],
        refusedData: { verificationRequests: null },
        granted: { verificationRequests: { totalCount: 0 } },
      },
      [S.verificationWrite]: {
        query: 'mutation($s: String!) { verifyAcademicDocument(input: { serialNumber: $s }) { outcome } }',
        vars: { s: someone!.serialNumber },
        lacks: 'admissions-office',
        has: 'degree-verifier',
        coordinate: 'Mutation.verifyAcademicDocument',
        path: ['verifyAcademicDocument'],
        refusedData: null,
        granted: { verifyAcademicDocument: { outcome: 'ISSUED' } },
      },
      [S.documentRevoke]: {
        query: 'mutation($id: ID!) { revokeAcademicDocument(id: $id, reason: "forged") { status } }',
        vars: { id: another!.id },
        lacks: 'degree-verifier',
        has: 'mohe-registrar',
        coordinate: 'Mutation.revokeAcademicDocument',
        path: ['revokeAcademicDocument'],
        refusedData: null,
        granted: { revokeAcademicDocument: { status: 'REVOKED' } },
      },
      [S.admissionRead]: {
        query: '{ postgraduatePrograms { totalCount } }',
        vars: {},
        lacks: 'degree-verifier',
        has: 'admissions-office',
        coordinate: 'Query.postgraduatePrograms',
        path: ['postgraduatePrograms'],
        refusedData: { postgraduatePrograms: null },
        granted: { postgraduatePrograms: { totalCount: 32 } },
      },
    };

    it.each(Object.keys(cases))('%s', async (scope) => {
      const c = cases[scope]!;
      he.stats.recentQueries.length = 0;
      const refused = await as(c.lacks, c.query, c.vars);
      expect(refused.body).toEqual({
        data: c.refusedData,
        errors: [
          {
            message: `You may not read ${c.coordinate}: it needs scope ${scope}.`,
            locations: expect.any(Array),
            path: c.path,
            extensions: {
              code: 'UNAUTHORIZED_FIELD_OR_TYPE',
              coordinate: c.coordinate,
              missingScopes: [scope],
            },
          },
        ],
      });
      // Refused at the root by the router: the ministry's subgraph was not even asked.
      if (c.path.length === 1) expect(he.stats.recentQueries).toEqual([]);
      const granted = await as(c.has, c.query, c.vars);
      expect(granted.body).toEqual({ data: c.granted });
    });

    it('the degree-verifier sees only the requests it made; the ministry sees all of them', async () => {
      const mine = await as(
        'degree-verifier',
        '{ verificationRequests(first: 100) { totalCount edges { node { requestedByClient } } } }',
      );
      const theirs = mine.body.data!.verificationRequests as {
        totalCount: number;
        edges: { node: { requestedByClient: string } }[];
      };
      expect(theirs.edges.every((e) => e.node.requestedByClient === 'degree-verifier')).toBe(true);
      expect(theirs.totalCount).toBe(
        await he.orm.em.fork().count(VerificationRequest, { requestedByClient: 'degree-verifier' }),
      );
      const all = await as('mohe-registrar', '{ verificationRequests { totalCount } }');
      expect(all.body).toEqual({
        data: { verificationRequests: { totalCount: await he.orm.em.fork().count(VerificationRequest, {}) } },
      });
    });

    it('universities are open to anyone; academic documents are not', async () => {
      const res = await as(
        null,
        '{ universities(filter: { type: PRIVATE }) { id } academicDocument(id: "AD-000001") { id } }',
      );
      expect(res.body).toEqual({
        data: {
          universities: ['PUNI-01', 'PUNI-02', 'PUNI-03', 'PUNI-04', 'PUNI-05', 'PUNI-06'].map((u) => ({
            id: u,
          })),
          academicDocument: null,
        },
        errors: [
          {
            message:
              'You may not read Query.academicDocument: it needs scope highered.document:read and a declared purpose (ur-purpose header) for personal data.',
            locations: expect.any(Array),
            path: ['academicDocument'],
            extensions: {
              code: 'UNAUTHORIZED_FIELD_OR_TYPE',
              coordinate: 'Query.academicDocument',
              missingScopes: [S.documentRead],
            },
          },
        ],
      });
    });

    it('academic documents are personal data: a client must declare its purpose', async () => {
      const res = await as(
        'degree-verifier',
        '{ academicDocument(id: "AD-000001") { id } }',
        {},
        undefined,
        null,
      );
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        errors: [
          {
            message:
              'This operation reads personal data (Query.academicDocument): declare your purpose in the ur-purpose header.',
            extensions: { code: 'PURPOSE_REQUIRED', fields: ['Query.academicDocument'] },
          },
        ],
      });
    });
  });
});
