import type { IncomingHttpHeaders } from 'node:http';
import type { KeyLike } from 'jose';
import { anonymousCaller, type Caller } from '../../kit/auth/caller';
import { TokenError, verifyClientToken } from '../../kit/auth/client-token';
import { urError } from '../../kit/errors/ur-error';
import type { ClientRegistry } from '../clients/client';

export interface Authenticator {
  (headers: IncomingHttpHeaders, requestId: string): Promise<Caller>;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || null;
}

/**
 * First step of the pipeline: `Authorization: Bearer <JWT>` → the registered client, its agency
 * and its scopes (from the registry, not the token, so a change takes effect at once). No header
 * means an anonymous caller; a bad token is refused outright rather than downgraded.
 */
export function authenticator(publicKey: KeyLike, clients: ClientRegistry): Authenticator {
  return async (headers, requestId) => {
    const authorization = header(headers, 'authorization');
    if (!authorization) return anonymousCaller(requestId);
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) {
      throw urError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    }
    let clientId: string;
    try {
      ({ clientId } = await verifyClientToken(match[1] as string, publicKey));
    } catch (e) {
      if (e instanceof TokenError) throw urError('UNAUTHENTICATED', e.message, { reason: e.problem });
      throw e;
    }
    const client = await clients.find(clientId);
    if (!client) throw urError('UNKNOWN_CLIENT', `No client "${clientId}" is registered with the platform.`);
    if (client.status !== 'ACTIVE') {
      throw urError(
        'CLIENT_SUSPENDED',
        `Client "${clientId}" is suspended; contact the platform administrator.`,
      );
    }
    return {
      clientId: client.id,
      agency: client.agency,
      citizenId: null,
      scopes: client.scopes,
      purpose: header(headers, 'ur-purpose'),
      caseNumber: header(headers, 'ur-case'),
      requestId,
    };
  };
}
