import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
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

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/**
 * Signs the caller for subgraphs (HS256: both ends are the platform's own servers). A compact
 * JWT (RFC 7519) made with node:crypto directly: it is signed once per operation on the hot
 * path, where a general JOSE library's checks cost more than the HMAC.
 */
export async function signContext(caller: Caller, key: Uint8Array): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    cid: caller.clientId,
    agy: caller.agency,
    cit: caller.citizenId,
    scp: caller.scopes,
    pur: caller.purpose,
    cas: caller.caseNumber,
    iss: ISSUER,
    aud: AUDIENCE,
    jti: caller.requestId,
    iat: now,
    exp: now + TTL_SECONDS,
  };
  const signed = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
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
