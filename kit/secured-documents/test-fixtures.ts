import { sha256Hex } from './content-hash';
import { generateSigningKeyPair, type SigningKeyPair } from './ed25519';
import { encodeQrPayload } from './qr-payload';
import { type SignedStatement, signStatement } from './statement';
import { type TrustedIssuer, type TrustedKey, TRUST_LIST_FORMAT, type TrustList } from './trust-list';

/**
 * A small trust list with fresh keys, for tests of anything that verifies (this folder, the
 * documents subgraph, the router's /verify page): a university that rotated its key on
 * 2022-01-01, and an agency whose first key was revoked as leaked.
 */
export interface TestTrust {
  readonly trustList: TrustList;
  /** Private keys by key id. */
  readonly keys: Readonly<Record<string, SigningKeyPair>>;
  /** A genuine payload signed by `keyId` (the statement's own keyId and issuer are set from it). */
  sign(statement: Partial<SignedStatement> & { keyId: string }, options?: { privateKey?: string }): string;
}

export const TEST_CONTENT = Buffer.from('شهادة تخرج — graduation certificate', 'utf8');

export function makeTestTrust(): TestTrust {
  const keys: Record<string, SigningKeyPair> = {
    'UNI-01-K1': generateSigningKeyPair(),
    'UNI-01-K2': generateSigningKeyPair(),
    'AMANAT-K1': generateSigningKeyPair(),
    'AMANAT-K2': generateSigningKeyPair(),
  };
  const key = (keyId: string, extra: Partial<TrustedKey>): TrustedKey => ({
    keyId,
    algorithm: 'Ed25519',
    publicKey: (keys[keyId] as SigningKeyPair).publicKey,
    validFrom: '1970-01-01T00:00:00.000Z',
    validUntil: null,
    revokedAt: null,
    revocationReason: null,
    ...extra,
  });
  const university: TrustedIssuer = {
    id: 'UNI-01',
    name: 'جامعة بغداد',
    nameEn: 'University of Baghdad',
    agencyCode: 'MOHESR',
    kind: 'UNIVERSITY',
    keys: [
      key('UNI-01-K1', { validUntil: '2022-01-01T00:00:00.000Z' }),
      key('UNI-01-K2', { validFrom: '2022-01-01T00:00:00.000Z' }),
    ],
  };
  const mayoralty: TrustedIssuer = {
    id: 'AMANAT',
    name: 'أمانة بغداد',
    nameEn: 'Baghdad Mayoralty',
    agencyCode: 'AMANAT',
    kind: 'AGENCY',
    keys: [
      key('AMANAT-K1', {
        validFrom: '2020-01-01T00:00:00.000Z',
        validUntil: '2024-07-01T00:00:00.000Z',
        revokedAt: '2024-06-30T09:00:00.000Z',
        revocationReason: 'تسرب المفتاح الخاص (private key compromised)',
      }),
      key('AMANAT-K2', { validFrom: '2024-07-01T00:00:00.000Z' }),
    ],
  };
  const trustList: TrustList = {
    format: TRUST_LIST_FORMAT,
    version: 1,
    publisher: 'NDC',
    publishedAt: '2026-11-01T00:00:00.000Z',
    issuers: [university, mayoralty],
    revocations: [
      {
        documentId: 'DOC-REVOKED',
        issuerId: 'UNI-01',
        status: 'REVOKED',
        since: '2025-03-15T00:00:00.000Z',
        reason: 'ثبوت تزوير وثيقة الدراسة الإعدادية (forged secondary-school certificate)',
      },
      {
        documentId: 'DOC-SUSPENDED',
        issuerId: 'AMANAT',
        status: 'SUSPENDED',
        since: '2026-10-01T00:00:00.000Z',
        reason: 'قيد التحقيق (under investigation)',
      },
    ],
  };
  return {
    trustList,
    keys,
    sign(partial, options = {}) {
      const issuerId = partial.keyId.replace(/-K\d+$/, '');
      const statement: SignedStatement = {
        v: 1,
        documentId: 'DOC-000001',
        type: 'ACADEMIC_DEGREE',
        title: 'شهادة بكالوريوس — الهندسة المدنية',
        titleEn: "Bachelor's degree — Civil Engineering",
        issuedAt: '2010-07-15',
        signedAt: '2010-07-15T07:00:00.000Z',
        contentHash: sha256Hex(TEST_CONTENT),
        fields: { holderName: 'علي حسين كاظم', gradeAverage: '78.5', serialNumber: 'UNI-01-2010-00001' },
        ...partial,
        issuerId: partial.issuerId ?? issuerId,
      };
      const privateKey = options.privateKey ?? (keys[partial.keyId] as SigningKeyPair).privateKey;
      return encodeQrPayload(statement, signStatement(statement, privateKey));
    },
  };
}
