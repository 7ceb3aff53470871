import { canonicalJson } from './canonical-json';
import { generateSigningKeyPair } from './ed25519';
import { encodeQrPayload, parseQrPayload, QR_PREFIX } from './qr-payload';
import { tamperedCopy } from './tampered-copy';
import { makeTestTrust, TEST_CONTENT } from './test-fixtures';
import type { TrustList } from './trust-list';
import { verificationCodeOf } from './verification-code';
import { verifyOffline } from './verify-offline';

const trust = makeTestTrust();
const [university, mayoralty] = trust.trustList.issuers;
const NOW = new Date('2026-11-01T09:00:00.000Z');
const FIELDS = { holderName: 'علي حسين كاظم', gradeAverage: '78.5', serialNumber: 'UNI-01-2010-00001' };

const codeOf = (payload: string) => {
  const read = parseQrPayload(payload);
  if (!read.ok) throw new Error(read.problem);
  return verificationCodeOf(read.signature);
};

const refused = (verdict: string, reason: string, payload: string | null) => ({
  verdict,
  issuer: null,
  issuedAt: null,
  documentId: null,
  title: null,
  titleEn: null,
  fields: null,
  validUntil: null,
  verificationCode: payload === null ? null : codeOf(payload),
  reasons: [reason],
});

describe('verifyOffline', () => {
  describe('VALID, and key rotation', () => {
    it('accepts a document signed with the first key before the rotation, years after it', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K1' });
      expect(verifyOffline(payload, trust.trustList, NOW)).toEqual({
        verdict: 'VALID',
        issuer: university,
        issuedAt: '2010-07-15',
        documentId: 'DOC-000001',
        title: 'شهادة بكالوريوس — الهندسة المدنية',
        titleEn: "Bachelor's degree — Civil Engineering",
        fields: FIELDS,
        validUntil: null,
        verificationCode: codeOf(payload),
        reasons: [],
      });
    });

    it('accepts a document signed with the second key after the rotation', () => {
      const payload = trust.sign({
        keyId: 'UNI-01-K2',
        issuedAt: '2024-07-01',
        signedAt: '2024-07-01T07:00:00.000Z',
      });
      expect(verifyOffline(payload, trust.trustList, NOW)).toMatchObject({ verdict: 'VALID', reasons: [] });
    });

    it('accepts the full document when its hash is the signed one, and the code printed beside the QR', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K1' });
      const code = codeOf(payload).toLowerCase().replace(/-/g, ' ');
      expect(verifyOffline(payload, trust.trustList, NOW, { content: TEST_CONTENT, code })).toMatchObject({
        verdict: 'VALID',
      });
    });
  });

  describe('EXPIRED', () => {
    it('refuses a signature made with the first key after it was rotated out', () => {
      const payload = trust.sign({
        keyId: 'UNI-01-K1',
        issuedAt: '2023-02-01',
        signedAt: '2023-02-01T07:00:00.000Z',
      });
      expect(verifyOffline(payload, trust.trustList, NOW)).toMatchObject({
        verdict: 'EXPIRED',
        issuer: university,
        issuedAt: '2023-02-01',
        reasons: [
          'Key UNI-01-K1 was valid until 2022-01-01T00:00:00.000Z, but the document was signed at 2023-02-01T07:00:00.000Z.',
        ],
      });
    });

    it('refuses a signature made with a key before its window opened', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K2', signedAt: '2021-12-31T23:59:59.000Z' });
      expect(verifyOffline(payload, trust.trustList, NOW).reasons).toEqual([
        'Key UNI-01-K2 was not yet valid when the document was signed (2021-12-31T23:59:59.000Z; valid from 2022-01-01T00:00:00.000Z).',
      ]);
    });

    it('refuses a document after its last valid day, counted in Baghdad', () => {
      const payload = trust.sign({
        keyId: 'AMANAT-K2',
        documentId: 'DOC-PERMIT',
        signedAt: '2024-08-01T07:00:00.000Z',
        validUntil: '2026-06-30',
      });
      // 20:59 UTC is 23:59 in Baghdad on the 30th; 21:00 UTC is already the 1st there.
      expect(verifyOffline(payload, trust.trustList, new Date('2026-06-30T20:59:00Z')).verdict).toBe('VALID');
      expect(verifyOffline(payload, trust.trustList, new Date('2026-06-30T21:00:00Z'))).toMatchObject({
        verdict: 'EXPIRED',
        issuer: mayoralty,
        validUntil: '2026-06-30',
        reasons: ['The document was valid until 2026-06-30.'],
      });
    });
  });

  describe('TAMPERED', () => {
    it('catches a changed field (the demo forgery: a better grade)', () => {
      const forged = tamperedCopy(trust.sign({ keyId: 'UNI-01-K1' }), { gradeAverage: '91.0' });
      expect(verifyOffline(forged, trust.trustList, NOW)).toEqual(
        refused(
          'TAMPERED',
          'The signature does not match the fields: the payload was altered after University of Baghdad signed it, or was never signed by it.',
          forged,
        ),
      );
    });

    it('catches a forged signature: signed with a key that is not the one named', () => {
      const forged = trust.sign({ keyId: 'UNI-01-K2' }, { privateKey: generateSigningKeyPair().privateKey });
      expect(verifyOffline(forged, trust.trustList, NOW).verdict).toBe('TAMPERED');
    });

    it('catches a field added after signing, and a signature that is not one', () => {
      const read = parseQrPayload(trust.sign({ keyId: 'UNI-01-K1' }));
      if (!read.ok) throw new Error(read.problem);
      const added =
        QR_PREFIX +
        Buffer.from(canonicalJson({ ...read.signed, note: 'x', sig: read.signature } as never)).toString(
          'base64url',
        );
      expect(verifyOffline(added, trust.trustList, NOW).verdict).toBe('TAMPERED');
      const garbage =
        QR_PREFIX +
        Buffer.from(canonicalJson({ ...read.signed, sig: 'not-a-signature' } as never)).toString('base64url');
      expect(verifyOffline(garbage, trust.trustList, NOW).verdict).toBe('TAMPERED');
    });

    it('catches a full document that is not the one signed, and a code that belongs to another QR', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K1' });
      expect(verifyOffline(payload, trust.trustList, NOW, { content: Buffer.from('other') })).toEqual(
        refused(
          'TAMPERED',
          'The document given does not match the signed hash of the full document.',
          payload,
        ),
      );
      const other = codeOf(trust.sign({ keyId: 'UNI-01-K2', signedAt: '2023-01-01T00:00:00.000Z' }));
      expect(verifyOffline(payload, trust.trustList, NOW, { code: other })).toEqual(
        refused('TAMPERED', `The verification code ${other} does not belong to this QR code.`, payload),
      );
    });

    it('reports a genuinely signed statement of the wrong form as damaged, not valid', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K1', issuedAt: '15/07/2010' });
      expect(verifyOffline(payload, trust.trustList, NOW)).toEqual(
        refused('TAMPERED', 'The statement is not well-formed: issuedAt must be YYYY-MM-DD.', payload),
      );
    });
  });

  describe('UNKNOWN_ISSUER', () => {
    it('refuses an issuer that is not in the trust list', () => {
      const payload = trust.sign({ keyId: 'UNI-99-K1' }, { privateKey: generateSigningKeyPair().privateKey });
      expect(verifyOffline(payload, trust.trustList, NOW)).toEqual(
        refused('UNKNOWN_ISSUER', 'Issuer "UNI-99" is not in the national trust list.', payload),
      );
    });

    it('refuses a key the issuer never registered', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K9' }, { privateKey: generateSigningKeyPair().privateKey });
      expect(verifyOffline(payload, trust.trustList, NOW)).toEqual(
        refused(
          'UNKNOWN_ISSUER',
          'Key "UNI-01-K9" is not one of University of Baghdad\'s keys in the national trust list.',
          payload,
        ),
      );
    });
  });

  describe('KEY_REVOKED', () => {
    const payload = trust.sign({
      keyId: 'AMANAT-K1',
      documentId: 'DOC-PERMIT-1',
      issuedAt: '2023-05-02',
      signedAt: '2023-05-02T07:00:00.000Z',
    });

    it('refuses every signature by a revoked key, even one dated before the revocation', () => {
      expect(verifyOffline(payload, trust.trustList, NOW)).toMatchObject({
        verdict: 'KEY_REVOKED',
        issuer: mayoralty,
        issuedAt: '2023-05-02',
        reasons: [
          'Baghdad Mayoralty revoked key AMANAT-K1 on 2024-06-30: تسرب المفتاح الخاص (private key compromised)',
        ],
      });
    });

    it('accepted the same signature before the revocation was recorded', () => {
      expect(verifyOffline(payload, trust.trustList, new Date('2024-06-01T00:00:00Z')).verdict).toBe('VALID');
    });
  });

  describe('REVOKED and SUSPENDED', () => {
    it('reports a withdrawn document with the issuer’s reason and date', () => {
      const payload = trust.sign({ keyId: 'UNI-01-K1', documentId: 'DOC-REVOKED' });
      expect(verifyOffline(payload, trust.trustList, NOW)).toMatchObject({
        verdict: 'REVOKED',
        issuer: university,
        issuedAt: '2010-07-15',
        documentId: 'DOC-REVOKED',
        reasons: [
          'Revoked by University of Baghdad on 2025-03-15: ثبوت تزوير وثيقة الدراسة الإعدادية (forged secondary-school certificate)',
        ],
      });
    });

    it('reports a suspended document', () => {
      const payload = trust.sign({
        keyId: 'AMANAT-K2',
        documentId: 'DOC-SUSPENDED',
        signedAt: '2025-01-01T00:00:00.000Z',
      });
      expect(verifyOffline(payload, trust.trustList, NOW)).toMatchObject({
        verdict: 'SUSPENDED',
        reasons: ['Suspended by Baghdad Mayoralty on 2026-10-01: قيد التحقيق (under investigation)'],
      });
    });

    it('ignores a revocation entry of another issuer for the same document id', () => {
      const payload = trust.sign({
        keyId: 'AMANAT-K2',
        documentId: 'DOC-REVOKED',
        signedAt: '2025-01-01T00:00:00.000Z',
      });
      expect(verifyOffline(payload, trust.trustList, NOW).verdict).toBe('VALID');
    });

    it('lists every finding and answers the most specific: withdrawn beats expired and a revoked key', () => {
      const list: TrustList = {
        ...trust.trustList,
        revocations: [
          {
            documentId: 'DOC-PERMIT-1',
            issuerId: 'AMANAT',
            status: 'REVOKED',
            since: '2024-01-10T00:00:00.000Z',
            reason: 'أُلغيت الرخصة (permit cancelled)',
          },
        ],
      };
      const payload = trust.sign({
        keyId: 'AMANAT-K1',
        documentId: 'DOC-PERMIT-1',
        signedAt: '2023-05-02T07:00:00.000Z',
        validUntil: '2025-05-01',
      });
      expect(verifyOffline(payload, list, NOW)).toMatchObject({
        verdict: 'REVOKED',
        reasons: [
          'Revoked by Baghdad Mayoralty on 2024-01-10: أُلغيت الرخصة (permit cancelled)',
          'Baghdad Mayoralty revoked key AMANAT-K1 on 2024-06-30: تسرب المفتاح الخاص (private key compromised)',
          'The document was valid until 2025-05-01.',
        ],
      });
    });
  });

  describe('NOT_FOUND: a payload that cannot be read', () => {
    const body = (value: unknown) => QR_PREFIX + Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['empty', '', 'Malformed QR payload: it must start with UR1..'],
      ['a link', 'https://example.com/verify', 'Malformed QR payload: it must start with UR1..'],
      [
        'a later format',
        'UR2.eyJ9',
        'Malformed QR payload: format UR2 is not known to this verifier (it reads UR1).',
      ],
      ['base64, not base64url', 'UR1.a+b/c=', 'Malformed QR payload: the part after UR1. is not base64url.'],
      ['not JSON', 'UR1.bm90IGpzb24', 'Malformed QR payload: the part after UR1. does not decode to JSON.'],
      ['a list', body([1, 2]), 'Malformed QR payload: it does not hold a statement.'],
      [
        'no signature',
        body({ issuerId: 'UNI-01', keyId: 'UNI-01-K1' }),
        'Malformed QR payload: it has no signature.',
      ],
      ['no issuer', body({ sig: 'abc' }), 'Malformed QR payload: it does not name its issuer and key.'],
      [
        'too long',
        `UR1.${'A'.repeat(5000)}`,
        'Malformed QR payload: it is 5004 characters long, more than a QR code holds.',
      ],
    ])('%s', (_label, payload, reason) => {
      expect(verifyOffline(payload, trust.trustList, NOW)).toEqual(refused('NOT_FOUND', reason, null));
    });
  });

  it('round-trips a payload exactly as encoded', () => {
    const payload = trust.sign({ keyId: 'UNI-01-K1' });
    const read = parseQrPayload(payload);
    if (!read.ok) throw new Error(read.problem);
    expect(encodeQrPayload(read.signed as never, read.signature)).toBe(payload);
  });
});
