import { randomUUID } from 'node:crypto';
import { errors, importPKCS8, importSPKI, jwtVerify, type KeyLike, SignJWT } from 'jose';

/** Issuer and audience of client tokens: the platform issues them for this graph only. */
export const TOKEN_ISSUER = 'ur-platform';
export const TOKEN_AUDIENCE = 'ur-national-graph';
const ALG = 'EdDSA';

export async function importPlatformPrivateKey(pem: string): Promise<KeyLike> {
  return importPKCS8(pem, ALG);
}

export async function importPlatformPublicKey(pem: string): Promise<KeyLike> {
  return importSPKI(pem, ALG);
}

/** A platform-issued token for a registered client (development: `npm run token`). */
export async function issueClientToken(clientId: string, key: KeyLike, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(clientId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

export type TokenProblem = 'expired' | 'bad-signature' | 'malformed' | 'wrong-claims';

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Verifies a client token; throws TokenError saying what is wrong with it (never why in detail). */
export async function verifyClientToken(token: string, key: KeyLike): Promise<{ clientId: string }> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: [ALG],
      requiredClaims: ['sub', 'exp'],
    });
    return { clientId: payload.sub as string };
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      throw new TokenError('expired', 'The token has expired; request a new one.');
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw new TokenError('bad-signature', 'The token’s signature is not the platform’s.');
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      throw new TokenError('wrong-claims', `The token is not for this graph (${e.claim} claim).`);
    }
    throw new TokenError('malformed', 'The token is not a well-formed signed JWT.');
  }
}
