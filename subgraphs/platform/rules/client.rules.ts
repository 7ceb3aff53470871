import { agencyByCode } from '../../../kit/demo/reference-data';
import { urError } from '../../../kit/errors/ur-error';

const CLIENT_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const SCOPE = /^[a-z][a-z0-9.-]*(:[a-z]+)?$/;

export function assertClientId(id: string): void {
  if (!CLIENT_ID.test(id)) {
    throw urError('BAD_USER_INPUT', `Client id "${id}" must be 3–64 lowercase letters, digits or dashes.`, {
      argument: 'id',
    });
  }
}

export function assertAgency(code: string): void {
  if (!agencyByCode(code)) {
    throw urError('BAD_USER_INPUT', `Unknown agency "${code}"; use a code such as MOH, MOP or NDC.`, {
      argument: 'agency',
    });
  }
}

export function assertScopes(scopes: readonly string[]): void {
  const bad = scopes.filter((s) => !SCOPE.test(s));
  if (bad.length) {
    throw urError(
      'BAD_USER_INPUT',
      `Malformed scopes: ${bad.join(', ')}; a scope looks like health.disability:read.`,
      {
        argument: 'scopes',
      },
    );
  }
}

export function assertRateLimit(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw urError('BAD_USER_INPUT', 'rateLimitPerMinute must be a whole number from 1 to 1,000,000.', {
      argument: 'rateLimitPerMinute',
    });
  }
}
