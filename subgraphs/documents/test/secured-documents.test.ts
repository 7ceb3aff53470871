import { demoAcademicRecords } from '../../../kit/demo/academic-records';
import { generateSigningKeyPair } from '../../../kit/secured-documents/ed25519';
import { encodeQrPayload } from '../../../kit/secured-documents/qr-payload';
import { type SignedStatement, signStatement } from '../../../kit/secured-documents/statement';
import { forgedGrade, tamperedCopy } from '../../../kit/secured-documents/tampered-copy';
import { parseTrustList, renderTrustListJson } from '../../../kit/secured-documents/trust-list-json';
import { TRUST_LIST_QUERY } from '../../../kit/secured-documents/trust-list-query';
import { verificationCodeOf } from '../../../kit/secured-documents/verification-code';
import { verifyOffline } from '../../../kit/secured-documents/verify-offline';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { pinNow } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentVersion, versionId } from '../entities/document-version.entity';
import { DocumentStatus } from '../entities/enums';
import { IssuerKey } from '../entities/issuer-key.entity';
import { REVOKED_KEY } from '../seed';
import { qrPayloadOf, statementOf } from '../signing/statement-of';
import { loadTrustList } from '../signing/trust-store';
import { documents } from '../subgraph';
import { ALL_READ, callerOf, confidentialRead, internalRead, revoke, TEST_NOW, write } from './callers';

const ANONYMOUS = testCaller([], null);
const VERIFY = `query($code: String!) {
  verifyDocument(code: $code) { verdict issuer { id name nameEn } issuedAt documentId title titleEn validUntil verificationCode reasons checkedAt }
}`;
const VERIFY_QR = `query($payload: String!) {
  verifyQrPayload(payload: $payload) { verdict issuer { id } issuedAt documentId title reasons }
}`;
const ISSUE = `mutation($input: IssueSecuredDocumentInput!) {
  issueSecuredDocument(input: $input) {
    id issuingAgency issuer { id } keyId signedAt issuedAt validUntil verificationCode qrPayload secured status
    securedFields { name value } latestVersion { contentHash }
  }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeDocument(id: $id, reason: $reason) { id status statusSince statusReason } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendDocument(id: $id, reason: $reason) { id status statusReason } }`;
const REINSTATE = `mutation($id: ID!) { reinstateDocument(id: $id) { id status statusReason } }`;

type Result = { verdict: string; reasons: string[]; [k: string]: unknown };
const MOHESR_REGISTRAR = callerOf('MOHESR', [write, revoke, ...ALL_READ]);

describe('secured documents', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    pinNow(TEST_NOW);
    sg = await startTestSubgraph(documents);
  });
  afterAll(async () => {
    pinNow(undefined);
    await sg.close();
  });

  const em = () => sg.orm.em.fork();
  const verify = async (code: string, caller = ANONYMOUS): Promise<Result> => {
    const res = await callSubgraph(sg.url, VERIFY, { code }, caller);
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { verifyDocument: Result }).verifyDocument;
  };
  const verifyQr = async (payload: string): Promise<Result> => {
    const res = await callSubgraph(sg.url, VERIFY_QR, { payload }, ANONYMOUS);
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { verifyQrPayload: Result }).verifyQrPayload;
  };
  /** A seeded academic document no other test changes. */
  const used = new Set<string>();
  /** Documents whose stored rows a test altered behind the store's back. */
  const altered = new Set<string>();
  const academic = async (pick: (r: ReturnType<typeof demoAcademicRecords>[number]) => boolean) => {
    const record = demoAcademicRecords().find((r) => pick(r) && !used.has(r.documentId));
    if (!record) throw new Error('no such demo record');
    used.add(record.documentId);
    return { record, document: await em().findOneOrFail(Document, { id: record.documentId }) };
  };
  const permit = async (where: (d: Document) => boolean) => {
    const all = await em().find(Document, { type: 'BUILDING_PERMIT' }, { orderBy: { id: 'asc' } });
    const found = all.find((d) => where(d) && !used.has(d.id));
    if (!found) throw new Error('no such permit');
    used.add(found.id);
    return found;
  };

  describe('verifyDocument, open to anonymous callers', () => {
    it('answers VALID for a degree signed with its university’s first key, years after the key was rotated', async () => {
      const { record, document } = await academic(
        (r) => r.keyGeneration === 1 && !r.revoked && !r.tamperedCopy && r.kind !== 'TRANSCRIPT',
      );
      expect(document.keyId).toBe(`${record.universityCode}-K1`);
      const code = document.verificationCode as string;
      // Typed as a person would: lower case, spaces for hyphens.
      expect(await verify(code.toLowerCase().replace(/-/g, ' '))).toEqual({
        verdict: 'VALID',
        issuer: { id: record.universityCode, name: expect.any(String), nameEn: expect.any(String) },
        issuedAt: record.issuedAt,
        documentId: record.documentId,
        title: document.title,
        titleEn: document.titleEn,
        validUntil: null,
        verificationCode: code,
        reasons: [],
        checkedAt: TEST_NOW,
      });
    });

    it('answers VALID for a document signed with the second key', async () => {
      const { document } = await academic((r) => r.keyGeneration === 2 && !r.revoked && !r.tamperedCopy);
      expect(document.keyId).toMatch(/-K2$/);
      expect(await verify(document.verificationCode as string)).toMatchObject({
        verdict: 'VALID',
        reasons: [],
      });
    });

    it('answers REVOKED with the university’s reason and date', async () => {
      const { record, document } = await academic((r) => r.revoked !== null);
      expect(await verify(document.verificationCode as string)).toMatchObject({
        verdict: 'REVOKED',
        issuer: { id: record.universityCode },
        issuedAt: record.issuedAt,
        reasons: [expect.stringMatching(new RegExp(`^Revoked by .+ on ${record.revoked?.at}: ثبوت تزوير`))],
      });
    });

    it('answers KEY_REVOKED for a permit signed with the Mayoralty’s leaked key', async () => {
      const d = await permit((p) => p.keyId === REVOKED_KEY.keyId);
      expect(await verify(d.verificationCode as string)).toMatchObject({
        verdict: 'KEY_REVOKED',
        issuer: { id: 'AMANAT' },
        reasons: expect.arrayContaining([
          `Baghdad Mayoralty revoked key AMANAT-K1 on 2024-06-30: ${REVOKED_KEY.reason}`,
        ]),
      });
    });

    it('answers EXPIRED for a permit past its last valid day, SUSPENDED for the suspended one', async () => {
      const expired = await permit((p) => p.keyId === 'AMANAT-K2' && (p.validUntil as string) < '2026-11-01');
      expect(await verify(expired.verificationCode as string)).toMatchObject({
        verdict: 'EXPIRED',
        validUntil: expired.validUntil,
        reasons: [`The document was valid until ${expired.validUntil}.`],
      });
      const suspended = await permit((p) => p.status === DocumentStatus.SUSPENDED);
      expect(await verify(suspended.verificationCode as string)).toMatchObject({
        verdict: 'SUSPENDED',
        reasons: [`Suspended by Baghdad Mayoralty on 2026-09-15: ${suspended.statusReason}`],
      });
    });

    it('answers NOT_FOUND with the reason for a malformed code and for an unknown one', async () => {
      const notFound = (reason: string) => ({
        verdict: 'NOT_FOUND',
        issuer: null,
        issuedAt: null,
        documentId: null,
        title: null,
        titleEn: null,
        validUntil: null,
        verificationCode: null,
        reasons: [reason],
        checkedAt: TEST_NOW,
      });
      expect(await verify('12345')).toEqual(
        notFound(
          '"12345" is not a verification code: a verification code is 10 characters such as 7KQ3-M9XD-2F (digits and letters, no I, L, O or U).',
        ),
      );
      const { document } = await academic((r) => !r.revoked);
      const code = document.verificationCode as string;
      const typo = `${code.slice(0, 3)}${code[3] === '7' ? '8' : '7'}${code.slice(4)}`;
      expect(await verify(typo)).toEqual(
        notFound(
          `"${typo}" is not a verification code: its check character does not match, so it was probably mistyped.`,
        ),
      );
      const unknown = verificationCodeOf(generateSigningKeyPair().publicKey.replace(/=+$/, ''));
      expect(await verify(unknown)).toEqual(
        notFound(`No secured document has the verification code ${unknown}.`),
      );
    });

    it('answers TAMPERED when a signed column or the stored content was changed behind the store’s back', async () => {
      const a = await academic((r) => !r.revoked && !r.tamperedCopy);
      altered.add(a.document.id);
      await em().nativeUpdate(Document, { id: a.document.id }, { title: `${a.document.title} (معدلة)` });
      expect(await verify(a.document.verificationCode as string)).toEqual(
        expect.objectContaining({
          verdict: 'TAMPERED',
          issuer: null,
          documentId: a.document.id,
          reasons: [expect.stringMatching(/^The signature does not match the fields/)],
        }),
      );
      const b = await academic((r) => !r.revoked && !r.tamperedCopy);
      altered.add(b.document.id);
      await em().nativeUpdate(
        DocumentVersion,
        { id: versionId(b.document.id, 1) },
        { bytes: Buffer.from('مزور') },
      );
      expect(await verify(b.document.verificationCode as string)).toMatchObject({
        verdict: 'TAMPERED',
        reasons: ['The document given does not match the signed hash of the full document.'],
      });
    });
  });

  describe('verifyQrPayload and the offline verifier', () => {
    it('answers VALID for a genuine payload, and TAMPERED for the demo forgery of it (a better grade)', async () => {
      const { record, document } = await academic((r) => r.tamperedCopy);
      const genuine = qrPayloadOf(document) as string;
      expect(await verifyQr(genuine)).toEqual({
        verdict: 'VALID',
        issuer: { id: record.universityCode },
        issuedAt: record.issuedAt,
        documentId: record.documentId,
        title: document.title,
        reasons: [],
      });
      const forged = tamperedCopy(genuine, { gradeAverage: forgedGrade(record.gradeAverage.toFixed(1)) });
      expect(await verifyQr(forged)).toEqual({
        verdict: 'TAMPERED',
        issuer: null,
        issuedAt: null,
        documentId: null,
        title: null,
        reasons: [
          expect.stringMatching(/^The signature does not match the fields: the payload was altered after /),
        ],
      });
    });

    it('answers UNKNOWN_ISSUER, NOT_FOUND for a malformed payload, and NOT_FOUND for a genuine signature the register does not hold', async () => {
      const { document } = await academic((r) => !r.revoked && !r.tamperedCopy);
      const statement: SignedStatement = { ...statementOf(document), issuerId: 'UNI-99', keyId: 'UNI-99-K1' };
      const stranger = encodeQrPayload(
        statement,
        signStatement(statement, generateSigningKeyPair().privateKey),
      );
      expect(await verifyQr(stranger)).toMatchObject({
        verdict: 'UNKNOWN_ISSUER',
        reasons: ['Issuer "UNI-99" is not in the national trust list.'],
      });
      expect(await verifyQr('UR1.%%%')).toMatchObject({
        verdict: 'NOT_FOUND',
        reasons: ['Malformed QR payload: the part after UR1. is not base64url.'],
      });
      // Signed with the university's real key (read from the signing service) for a document never issued.
      const key = await em().findOneOrFail(IssuerKey, { keyId: document.keyId as string });
      const phantom: SignedStatement = { ...statementOf(document), documentId: 'DOC-999999' };
      const payload = encodeQrPayload(phantom, signStatement(phantom, key.privateKey));
      expect(await verifyQr(payload)).toMatchObject({
        verdict: 'NOT_FOUND',
        reasons: [
          'The signature is genuine, but the national register holds no document DOC-999999 signed this way.',
        ],
      });
    });

    it('publishes a trust list that verifies every secured document offline as the graph does, and catches the forgery', async () => {
      const res = await callSubgraph(sg.url, TRUST_LIST_QUERY, {}, ANONYMOUS);
      expect(res.body.errors).toBeUndefined();
      const json = renderTrustListJson(parseTrustList((res.body.data as { trustList: unknown }).trustList));
      expect(json).not.toMatch(/"privateKey"|BEGIN/);
      const trustList = parseTrustList(JSON.parse(json));
      expect(trustList.issuers).toHaveLength(33 + 12);
      expect(trustList.issuers.find((i) => i.id === 'AMANAT')?.keys).toEqual([
        expect.objectContaining({
          keyId: 'AMANAT-K1',
          revokedAt: REVOKED_KEY.revokedAt,
          revocationReason: REVOKED_KEY.reason,
          validUntil: REVOKED_KEY.validUntil,
        }),
        expect.objectContaining({
          keyId: 'AMANAT-K2',
          revokedAt: null,
          validFrom: REVOKED_KEY.validUntil,
          validUntil: null,
        }),
      ]);

      const now = new Date(TEST_NOW);
      const secured = await em().find(
        Document,
        { signature: { $ne: null }, createdBy: 'seed' },
        { orderBy: { id: 'asc' } },
      );
      const tally: Record<string, number> = {};
      const disagreements: string[] = [];
      for (const d of secured) {
        if (altered.has(d.id)) continue; // the payload comes from the altered row
        const expected =
          d.status === DocumentStatus.REVOKED
            ? 'REVOKED'
            : d.keyId === REVOKED_KEY.keyId
              ? 'KEY_REVOKED'
              : d.status === DocumentStatus.SUSPENDED
                ? 'SUSPENDED'
                : d.validUntil && d.validUntil < '2026-11-01'
                  ? 'EXPIRED'
                  : 'VALID';
        const { verdict } = verifyOffline(qrPayloadOf(d) as string, trustList, now);
        if (verdict !== expected) disagreements.push(`${d.id}: ${verdict}, expected ${expected}`);
        tally[expected] = (tally[expected] ?? 0) + 1;
      }
      expect(disagreements).toEqual([]);
      expect(Object.keys(tally).sort()).toEqual(['EXPIRED', 'KEY_REVOKED', 'REVOKED', 'SUSPENDED', 'VALID']);

      const { record, document } = await academic((r) => r.tamperedCopy);
      const forged = tamperedCopy(qrPayloadOf(document) as string, {
        gradeAverage: forgedGrade(record.gradeAverage.toFixed(1)),
      });
      expect(verifyOffline(forged, trustList, now).verdict).toBe('TAMPERED');
    });

    it('lists the issuers to anyone', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ issuers { id kind agencyCode keys { keyId generation } } }',
        {},
        ANONYMOUS,
      );
      const issuers = (res.body.data as { issuers: { id: string; kind: string; keys: unknown[] }[] }).issuers;
      expect(issuers).toHaveLength(45);
      expect(issuers.find((i) => i.id === 'UNI-01')).toEqual({
        id: 'UNI-01',
        kind: 'UNIVERSITY',
        agencyCode: 'MOHESR',
        keys: [
          { keyId: 'UNI-01-K1', generation: 1 },
          { keyId: 'UNI-01-K2', generation: 2 },
        ],
      });
    });
  });

  describe('issueSecuredDocument', () => {
    const input = (overrides: Record<string, unknown> = {}) => ({
      title: 'شهادة مشاركة في دورة حماية البيانات',
      titleEn: 'Certificate of attendance: data protection course',
      type: 'ADMINISTRATIVE_ORDER',
      language: 'AR_EN',
      classification: 'PUBLIC',
      mediaType: 'text/plain; charset=utf-8',
      contentBase64: Buffer.from('شهادة مشاركة — certificate', 'utf8').toString('base64'),
      fields: [
        { name: 'holderName', value: 'زينب علي حسن' },
        { name: 'course', value: 'حماية البيانات الشخصية' },
      ],
      ...overrides,
    });

    it('signs with the caller agency’s current key; the code and the QR payload verify at once', async () => {
      const res = await callSubgraph(sg.url, ISSUE, { input: input() }, testCaller([write]));
      expect(res.body.errors).toBeUndefined();
      const issued = (res.body.data as { issueSecuredDocument: Record<string, unknown> })
        .issueSecuredDocument;
      expect(issued).toEqual({
        id: expect.stringMatching(/^DOC-/),
        issuingAgency: 'NDC',
        issuer: { id: 'NDC' },
        keyId: 'NDC-K1',
        signedAt: TEST_NOW,
        issuedAt: '2026-11-01',
        validUntil: null,
        verificationCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/),
        qrPayload: expect.stringMatching(/^UR1\./),
        secured: true,
        status: 'ACTIVE',
        securedFields: [
          { name: 'holderName', value: 'زينب علي حسن' },
          { name: 'course', value: 'حماية البيانات الشخصية' },
        ],
        latestVersion: { contentHash: expect.any(String) },
      });
      expect(await verify(issued.verificationCode as string)).toMatchObject({
        verdict: 'VALID',
        issuer: { id: 'NDC' },
      });
      expect(await verifyQr(issued.qrPayload as string)).toMatchObject({
        verdict: 'VALID',
        documentId: issued.id,
      });
    });

    it('lets MOHESR sign for one of its universities, with the key generation current today', async () => {
      const res = await callSubgraph(
        sg.url,
        ISSUE,
        { input: input({ issuerId: 'UNI-01', classification: 'INTERNAL' }) },
        MOHESR_REGISTRAR,
      );
      expect(res.body.data).toEqual({
        issueSecuredDocument: expect.objectContaining({
          issuingAgency: 'MOHESR',
          issuer: { id: 'UNI-01' },
          keyId: 'UNI-01-K2',
        }),
      });
    });

    it('refuses to sign in the name of another agency’s issuer, an unknown issuer, or with bad fields, storing nothing', async () => {
      const before = { documents: await em().count(Document), versions: await em().count(DocumentVersion) };
      const cases: [Record<string, unknown>, Record<string, unknown>][] = [
        [
          { issuerId: 'UNI-01' },
          {
            message: 'Issuer UNI-01 answers to MOHESR; only MOHESR can sign in its name.',
            extensions: { code: 'FORBIDDEN', issuingAgency: 'MOHESR' },
          },
        ],
        [
          { issuerId: 'UNI-99' },
          {
            message: 'No issuer "UNI-99" is in the trust list.',
            extensions: { code: 'NOT_FOUND', argument: 'input.issuerId' },
          },
        ],
        [
          { fields: [{ name: 'Holder Name', value: 'x' }] },
          {
            message: 'Field name "Holder Name" must be camelCase letters and digits, at most 40.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'input.fields' },
          },
        ],
        [
          { issuedAt: '2026-12-01' },
          {
            message: 'input.issuedAt 2026-12-01 is in the future (today is 2026-11-01).',
            extensions: { code: 'BAD_USER_INPUT', argument: 'input.issuedAt' },
          },
        ],
        [
          { type: 'CERTIFICATE' },
          {
            message: expect.stringMatching(/^Document type "CERTIFICATE" has no retention rule/),
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
          },
        ],
      ];
      for (const [overrides, error] of cases) {
        const res = await callSubgraph(sg.url, ISSUE, { input: input(overrides) }, testCaller([write]));
        expect(res.body).toEqual({
          data: null,
          errors: [{ ...error, locations: expect.any(Array), path: ['issueSecuredDocument'] }],
        });
      }
      expect({ documents: await em().count(Document), versions: await em().count(DocumentVersion) }).toEqual(
        before,
      );
    });
  });

  describe('revocation, by the issuing agency only', () => {
    it('revokes at once: verifyDocument answers REVOKED with the reason from the next call', async () => {
      const { document } = await academic((r) => !r.revoked && !r.tamperedCopy && r.kind !== 'TRANSCRIPT');
      const code = document.verificationCode as string;
      expect((await verify(code)).verdict).toBe('VALID');
      const reason = 'صدرت بناءً على وثيقة مزورة (issued on a forged document)';
      const res = await callSubgraph(sg.url, REVOKE, { id: document.id, reason }, MOHESR_REGISTRAR);
      expect(res.body).toEqual({
        data: {
          revokeDocument: { id: document.id, status: 'REVOKED', statusSince: TEST_NOW, statusReason: reason },
        },
      });
      expect(await verify(code)).toMatchObject({
        verdict: 'REVOKED',
        reasons: [expect.stringMatching(new RegExp(`on 2026-11-01: ${reason.replace(/[()]/g, '\\$&')}$`))],
      });
      const again = await callSubgraph(sg.url, REVOKE, { id: document.id, reason }, MOHESR_REGISTRAR);
      expect(again.body.errors).toEqual([
        {
          message: `Document ${document.id} is REVOKED; it cannot become REVOKED.`,
          locations: expect.any(Array),
          path: ['revokeDocument'],
          extensions: { code: 'INVALID_STATE_TRANSITION', from: 'REVOKED', to: 'REVOKED' },
        },
      ]);
    });

    it('refuses another agency (even NDC, which runs the store), a caller without documents:revoke, and an empty reason', async () => {
      const { document } = await academic((r) => !r.revoked && r.kind !== 'TRANSCRIPT');
      const attempts: [ReturnType<typeof testCaller>, string, Record<string, unknown>][] = [
        [
          testCaller([revoke, internalRead]),
          'reason',
          {
            message: `Only MOHESR, the issuing agency of document ${document.id}, can revoke it.`,
            extensions: { code: 'FORBIDDEN', issuingAgency: 'MOHESR' },
          },
        ],
        [
          callerOf('MOHESR', [write, internalRead]),
          'reason',
          {
            message: 'Mutation.revokeDocument needs scope documents:revoke.',
            extensions: { code: 'FORBIDDEN', missingScopes: [revoke] },
          },
        ],
        [
          MOHESR_REGISTRAR,
          '   ',
          {
            message: 'reason must be 1 to 500 characters; it is shown to verifiers.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
          },
        ],
      ];
      for (const [caller, reason, error] of attempts) {
        const res = await callSubgraph(sg.url, REVOKE, { id: document.id, reason }, caller);
        expect(res.body).toEqual({
          data: null,
          errors: [{ ...error, locations: expect.any(Array), path: ['revokeDocument'] }],
        });
      }
      expect((await em().findOneOrFail(Document, { id: document.id })).status).toBe(DocumentStatus.ACTIVE);
      expect((await verify(document.verificationCode as string)).verdict).toBe('VALID');
    });

    it('needs the clearance to see what it revokes', async () => {
      const { document } = await academic((r) => !r.revoked && r.kind === 'TRANSCRIPT');
      const res = await callSubgraph(
        sg.url,
        REVOKE,
        { id: document.id, reason: 'x' },
        callerOf('MOHESR', [revoke, internalRead]),
      );
      expect(res.body.errors).toEqual([
        {
          message: `Document ${document.id} is CONFIDENTIAL: reading it needs scope documents.confidential:read.`,
          locations: expect.any(Array),
          path: ['revokeDocument'],
          extensions: { code: 'FORBIDDEN', missingScopes: [confidentialRead] },
        },
      ]);
    });

    it('suspends and reinstates', async () => {
      const { document } = await academic((r) => !r.revoked && !r.tamperedCopy && r.kind !== 'TRANSCRIPT');
      const code = document.verificationCode as string;
      const reason = 'قيد التحقيق (under investigation)';
      const s = await callSubgraph(sg.url, SUSPEND, { id: document.id, reason }, MOHESR_REGISTRAR);
      expect(s.body).toEqual({
        data: { suspendDocument: { id: document.id, status: 'SUSPENDED', statusReason: reason } },
      });
      expect(await verify(code)).toMatchObject({
        verdict: 'SUSPENDED',
        reasons: [expect.stringContaining(reason)],
      });
      const r = await callSubgraph(sg.url, REINSTATE, { id: document.id }, MOHESR_REGISTRAR);
      expect(r.body).toEqual({
        data: { reinstateDocument: { id: document.id, status: 'ACTIVE', statusReason: null } },
      });
      expect(await verify(code)).toMatchObject({ verdict: 'VALID', reasons: [] });
      const again = await callSubgraph(sg.url, REINSTATE, { id: document.id }, MOHESR_REGISTRAR);
      expect(again.body.errors?.[0]).toMatchObject({
        message: `Document ${document.id} is ACTIVE; it cannot become ACTIVE.`,
        extensions: { code: 'INVALID_STATE_TRANSITION' },
      });
    });

    it('shows a revocation in the trust list, for offline verifiers', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ trustList { revocations { documentId issuerId status since reason } } }',
        {},
        ANONYMOUS,
      );
      const revocations = (
        res.body.data as { trustList: { revocations: { documentId: string; status: string }[] } }
      ).trustList.revocations;
      const stored = await loadTrustList(em(), new Date(TEST_NOW));
      expect(revocations).toEqual(stored.revocations);
      expect(revocations.filter((r) => r.status === 'SUSPENDED')).toHaveLength(1);
      expect(revocations.filter((r) => r.status === 'REVOKED').length).toBeGreaterThanOrEqual(
        demoAcademicRecords().filter((r) => r.revoked).length + 1,
      );
    });
  });
});
