import { SignJWT, jwtVerify } from 'jose';
import type { Caller } from './caller';
import { urError } from '../errors/ur-error';

/** Header that carries the router's signed context to subgraphs. */
export const CONTEXT_HEADER = 'ur-context';
const ISSUER = 'ur-router';
const AUDIENCE = 'ur-subgraph';
/** Short: a context token only has to live as long as one operation's fetches. */
const TTL_SECONDS = 60;

export function contextKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs the caller for subgraphs (HS256: both ends are the platform's own servers). */
export async function signContext(caller: Caller, key: Uint8Array): Promise<string> {
  return new SignJWT({
    cid: caller.clientId,
    agy: caller.agency,
    cit: caller.citizenId,
    scp: caller.scopes,
    pur: caller.purpose,
    cas: caller.caseNumber,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(caller.requestId)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key);
}

/** Verifies a context token; a missing or bad one is MISSING_SIGNED_CONTEXT, whatever the reason. */
export async function verifyContext(token: string | undefined, key: Uint8Array): Promise<Caller> {
  if (!token) {
    throw urError(
      'MISSING_SIGNED_CONTEXT',
      'This subgraph answers only the router. Send the query to the national graph.',
    );
  }
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    return {
      clientId: (payload.cid as string | null) ?? null,
      agency: (payload.agy as string | null) ?? null,
      citizenId: (payload.cit as string | null) ?? null,
      scopes: Array.isArray(payload.scp) ? (payload.scp as string[]) : [],
      purpose: (payload.pur as string | null) ?? null,
      caseNumber: (payload.cas as string | null) ?? null,
      requestId: payload.jti ?? 'unknown',
    };
  } catch {
    throw urError(
      'MISSING_SIGNED_CONTEXT',
      'The signed context is invalid or expired. Call through the router.',
    );
  }
}
