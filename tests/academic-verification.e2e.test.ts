import { demoAcademicRecords } from '../kit/demo/academic-records';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

type Json = Record<string, unknown>;

/**
 * Cross-agency issuance verification (صحة صدور): a ministry's personnel department checks a
 * graduate's degree held by higher education, whose secured copy the documents service signed
 * and anyone can verify; a revocation by the ministry shows in the very next verification.
 */
describe('academic documents across agencies', () => {
  let graph: NationalGraph;
  const record = demoAcademicRecords().find((r) => r.kind === 'BACHELOR' && !r.revoked && !r.tamperedCopy)!;

  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['identity', 'higher-education', 'documents'] });
  });
  afterAll(() => graph.close());

  it('degree-verifier reads a graduate’s documents with the identity, never the grades', async () => {
    const res = await graph.query(
      `query($id: String!) { citizen(nationalId: $id) { fullName
          academicDocuments { id serialNumber kind graduationYear gradeAverage document { id } } } }`,
      { id: record.holderNationalId },
      { client: 'degree-verifier' },
    );
    const citizen = (res.body.data as { citizen: { fullName: string; academicDocuments: Json[] } }).citizen;
    expect(citizen.fullName).toEqual(expect.any(String));
    expect(citizen.academicDocuments).toContainEqual({
      id: record.id,
      serialNumber: record.serialNumber,
      kind: 'BACHELOR',
      graduationYear: record.graduationYear,
      gradeAverage: null,
      document: { id: record.documentId },
    });
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.coordinate])).toEqual([
      ['UNAUTHORIZED_FIELD_OR_TYPE', 'AcademicDocument.gradeAverage'],
    ]);
  });

  it('issuance verification by serial number answers ISSUED, then REVOKED right after the ministry revokes', async () => {
    const VERIFY = `mutation($s: String!, $h: String) {
      verifyAcademicDocument(input: { serialNumber: $s, holderNationalId: $h }) { outcome reasons } }`;
    const first = await graph.query(
      VERIFY,
      { s: record.serialNumber, h: record.holderNationalId },
      { client: 'degree-verifier' },
    );
    expect(first.body.errors).toBeUndefined();
    expect(
      (first.body.data as { verifyAcademicDocument: { outcome: string } }).verifyAcademicDocument.outcome,
    ).toBe('ISSUED');

    const revoke = await graph.query(
      'mutation($id: ID!) { revokeAcademicDocument(id: $id, reason: "تزوير / forged secondary certificate") { id status } }',
      { id: record.id },
      { client: 'mohe-registrar' },
    );
    expect(revoke.body).toEqual({ data: { revokeAcademicDocument: { id: record.id, status: 'REVOKED' } } });

    const again = await graph.query(
      VERIFY,
      { s: record.serialNumber, h: record.holderNationalId },
      { client: 'degree-verifier' },
    );
    expect(
      (again.body.data as { verifyAcademicDocument: { outcome: string } }).verifyAcademicDocument.outcome,
    ).toBe('REVOKED');
  });

  it('the registrar sees the requests, with the asking agency and purpose, in the audit trail too', async () => {
    const res = await graph.query(
      'query($u: String!) { verificationRequests(first: 100, filter: { universityCode: $u }) { edges { node { value outcome } } } }',
      { u: record.universityCode },
      { client: 'mohe-registrar' },
    );
    expect(res.body.errors).toBeUndefined();
    const values = (
      res.body.data as { verificationRequests: { edges: { node: { value: string; outcome: string } }[] } }
    ).verificationRequests.edges.map((e) => e.node);
    expect(values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: record.serialNumber, outcome: 'ISSUED' }),
        expect.objectContaining({ value: record.serialNumber, outcome: 'REVOKED' }),
      ]),
    );
  });

  it('a malformed code is refused without recording anything', async () => {
    const res = await graph.query(
      'mutation { verifyAcademicDocument(input: { serialNumber: "not-a-serial" }) { outcome } }',
      {},
      { client: 'degree-verifier' },
    );
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
