import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Caller } from './caller';
import { contextKey, signContext, verifyContext } from './context-token';

const caller: Caller = {
  clientId: 'welfare',
  agency: 'MOLSA',
  citizenId: null,
  scopes: ['health:disability:read'],
  purpose: 'DISABILITY_ALLOWANCE',
  caseNumber: 'C-1',
  requestId: 'req-1',
};

describe('signed context', () => {
  const key = contextKey('a-secret-of-at-least-32-characters!!');

  it('is a standard HS256 JWT that verifies back to the same caller', async () => {
    const token = await signContext(caller, key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: 'ur-router', aud: 'ur-subgraph', jti: 'req-1' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    await expect(verifyContext(token, key)).resolves.toEqual(caller);
  });

  it('refuses a token signed with another key, or edited, as MISSING_SIGNED_CONTEXT', async () => {
    const token = await signContext(caller, key);
    const other = await signContext(caller, contextKey('another-secret-of-32-characters!!!!'));
    const [h, p, s] = token.split('.');
    const edited = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(token), scp: ['*'] })).toString('base64url')}.${s}`;
    expect(p).toBeDefined();
    for (const bad of [other, edited, 'not-a-token']) {
      await expect(verifyContext(bad, key)).rejects.toMatchObject({
        extensions: { code: 'MISSING_SIGNED_CONTEXT' },
      });
    }
  });
});
