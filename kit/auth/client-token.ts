import { randomUUID } from 'node:crypto';
import {
  decodeProtectedHeader,
  errors,
  importPKCS8,
  importSPKI,
  type JWTPayload,
  jwtVerify,
  type KeyLike,
  SignJWT,
} from 'jose';

/** Issuer and audience of platform tokens: the platform issues them for this graph only. */
export const TOKEN_ISSUER = 'ur-platform';
export const TOKEN_AUDIENCE = 'ur-national-graph';
export const ALG = 'EdDSA';
/** Subject prefix of a citizen authenticated as themselves. */
export const CITIZEN_SUBJECT = 'citizen:';
/** A client's own assertion may live this long at most: it is single-use, checked against replay. */
export const MAX_ASSERTION_SECONDS = 300;

export async function importPrivateKey(pem: string): Promise<KeyLike> {
  return importPKCS8(pem, ALG);
}

export async function importPublicKey(pem: string): Promise<KeyLike> {
  return importSPKI(pem, ALG);
}

/** A platform-issued token for a registered client or, with `citizen:<id>`, for a citizen. */
export async function issuePlatformToken(subject: string, key: KeyLike, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

/** A client's own single-use assertion, signed with its registered key `keyId`. */
export async function issueClientAssertion(clientId: string, keyId: string, key: KeyLike, ttlSeconds = 60) {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: keyId })
    .setSubject(clientId)
    .setIssuer(clientId)
    .setAudience(TOKEN_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

export type TokenProblem =
  | 'expired'
  | 'bad-signature'
  | 'malformed'
  | 'wrong-claims'
  | 'unknown-key'
  | 'key-revoked'
  | 'replayed'
  | 'lifetime';

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The key id a token names, if any; a token that is not a JWT at all is `malformed`. */
export function keyIdOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    throw new TokenError('malformed', 'The token is not a well-formed signed JWT.');
  }
}

/** Verifies signature and claims; throws TokenError saying what is wrong with the token. */
export async function verifyToken(token: string, key: KeyLike, issuer: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer,
      audience: TOKEN_AUDIENCE,
      algorithms: [ALG],
      requiredClaims: ['sub', 'exp', 'jti'],
    });
    return payload;
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      throw new TokenError('expired', 'The token has expired; request a new one.');
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw new TokenError('bad-signature', 'The token’s signature does not match its issuer’s key.');
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      throw new TokenError('wrong-claims', `The token is not for this graph (${e.claim} claim).`);
    }
    throw new TokenError('malformed', 'The token is not a well-formed signed JWT.');
  }
}
