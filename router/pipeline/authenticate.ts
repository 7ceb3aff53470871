import type { IncomingHttpHeaders } from 'node:http';
import type { KeyLike } from 'jose';
import { anonymousCaller, type Caller } from '../../kit/auth/caller';
import {
  CITIZEN_SUBJECT,
  importPublicKey,
  keyIdOf,
  MAX_ASSERTION_SECONDS,
  TOKEN_ISSUER,
  TokenError,
  verifyToken,
} from '../../kit/auth/client-token';
import { urError } from '../../kit/errors/ur-error';
import { isValidNationalId } from '../../kit/graphql/national-id';
import type { ClientRegistry } from '../clients/client';
import type { ReplayGuard } from '../trust/replay-guard';
import { BoundedCache } from '../../kit/cache/bounded-cache';

/** Who is calling, and the registered client's rate limit (undefined for anonymous callers and citizens). */
export interface Authenticated {
  readonly caller: Caller;
  readonly rateLimitPerMinute?: number;
}

export type Authenticator = (headers: IncomingHttpHeaders, requestId: string) => Promise<Authenticated>;

/** What a citizen authenticated as themselves may do: read who accessed their data. */
export const CITIZEN_SCOPES = ['platform.mydata:read'];

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || null;
}

/**
 * First step of the pipeline: `Authorization: Bearer <JWT>` → who is calling.
 * - A platform token names a client (or `citizen:<national id>`), signed by the platform key.
 * - A client's own assertion names its registered key in `kid`; it is short-lived and single-use.
 * The client's scopes and purposes come from the registry on every request, not from the token.
 * No header: an anonymous caller. A bad token is refused outright, never downgraded.
 * Then the purpose step: a declared `ur-purpose` must be registered and allowed for the client.
 */
export function authenticator(
  platformKey: KeyLike,
  clients: ClientRegistry,
  replays: ReplayGuard,
): Authenticator {
  const keyCache = new Map<string, Promise<KeyLike>>();

  // Platform tokens are reused for their lifetime (dashboards send the same one all day): remember
  // a verified token until it expires instead of checking its signature again. Who it names is
  // still looked up in the registry on every request.
  const verifiedPlatformTokens = new BoundedCache<string, { subject: string; exp: number }>(10_000);
  const verifyPlatformToken = async (token: string): Promise<{ subject: string }> => {
    const payload = await verifyToken(token, platformKey, TOKEN_ISSUER);
    const entry = { subject: payload.sub as string, exp: payload.exp as number };
    verifiedPlatformTokens.set(token, entry);
    return entry;
  };

  const verify = async (token: string): Promise<{ subject: string }> => {
    // A platform token seen before is known without decoding it (client assertions are never cached: single use).
    const known = verifiedPlatformTokens.get(token);
    if (known && known.exp > Date.now() / 1000) return known;
    const kid = keyIdOf(token);
    if (!kid) return verifyPlatformToken(token);
    const registered = await clients.findKey(kid);
    if (!registered) throw new TokenError('unknown-key', `No client key "${kid}" is registered.`);
    if (registered.status !== 'ACTIVE')
      throw new TokenError('key-revoked', `Client key "${kid}" has been revoked.`);
    let key = keyCache.get(kid);
    if (!key) keyCache.set(kid, (key = importPublicKey(registered.publicKeyPem)));
    const payload = await verifyToken(token, await key, registered.clientId);
    if (payload.sub !== registered.clientId) {
      throw new TokenError('wrong-claims', 'The token’s subject is not the owner of its key.');
    }
    if ((payload.exp as number) - (payload.iat ?? 0) > MAX_ASSERTION_SECONDS) {
      throw new TokenError(
        'lifetime',
        `A client assertion may live at most ${MAX_ASSERTION_SECONDS} seconds.`,
      );
    }
    if (!(await replays.firstUse(`${kid}:${payload.jti}`, payload.exp as number))) {
      throw new TokenError('replayed', 'This token was already used; sign a new assertion for each request.');
    }
    return { subject: registered.clientId };
  };

  return async (headers, requestId) => {
    const authorization = header(headers, 'authorization');
    if (!authorization) return { caller: anonymousCaller(requestId) };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw urError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    let subject: string;
    try {
      ({ subject } = await verify(match[1] as string));
    } catch (e) {
      if (e instanceof TokenError) throw urError('UNAUTHENTICATED', e.message, { reason: e.problem });
      throw e;
    }
    if (subject.startsWith(CITIZEN_SUBJECT)) {
      const nationalId = subject.slice(CITIZEN_SUBJECT.length);
      if (!isValidNationalId(nationalId)) {
        throw urError('UNAUTHENTICATED', 'The token names an invalid national ID.', {
          reason: 'wrong-claims',
        });
      }
      return { caller: { ...anonymousCaller(requestId), citizenId: nationalId, scopes: CITIZEN_SCOPES } };
    }
    const purpose = header(headers, 'ur-purpose');
    const client = await clients.findClient(subject, purpose);
    if (!client) throw urError('UNKNOWN_CLIENT', `No client "${subject}" is registered with the platform.`);
    if (client.status !== 'ACTIVE') {
      throw urError(
        'CLIENT_SUSPENDED',
        `Client "${subject}" is suspended; contact the platform administrator.`,
      );
    }
    if (purpose && (!client.purposes.includes(purpose) || !client.purposeRegistered)) {
      const allowed = client.purposes.length ? client.purposes.join(', ') : 'none';
      throw urError(
        'PURPOSE_NOT_ALLOWED',
        `Purpose "${purpose}" is not allowed for client "${client.id}"; allowed: ${allowed}.`,
        {
          allowedPurposes: [...client.purposes],
        },
      );
    }
    const caller: Caller = {
      clientId: client.id,
      agency: client.agency,
      citizenId: null,
      scopes: client.scopes,
      purpose,
      caseNumber: header(headers, 'ur-case'),
      requestId,
    };
    return { caller, rateLimitPerMinute: client.rateLimitPerMinute };
  };
}
