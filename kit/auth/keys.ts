import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlatformKeys {
  /** Shared by the router and subgraphs to sign and check the per-request context. */
  readonly contextSecret: string;
  /** Ed25519, PEM: the platform signs client tokens with it (development token script). */
  readonly platformPrivateKeyPem: string;
  readonly platformPublicKeyPem: string;
}

function readOrCreate(path: string, create: () => string): string {
  if (!existsSync(path)) writeFileSync(path, create(), { mode: 0o600, flag: 'wx' });
  return readFileSync(path, 'utf8');
}

/**
 * Loads the platform's keys from `<dataDir>/keys`, generating them on first start. Keys live
 * with the data, never in the repository, so every installation has its own.
 */
export function ensurePlatformKeys(dataDir: string, contextSecret?: string): PlatformKeys {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let pair: { privateKey: string; publicKey: string } | undefined;
  const generate = () =>
    (pair ??= generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }));
  const privateKeyPath = join(dir, 'platform-ed25519.pem');
  const fresh = !existsSync(privateKeyPath);
  const platformPrivateKeyPem = readOrCreate(privateKeyPath, () => generate().privateKey);
  const platformPublicKeyPem = readOrCreate(join(dir, 'platform-ed25519.pub.pem'), () => {
    if (!fresh)
      throw new Error(
        `${dir}/platform-ed25519.pub.pem is missing; delete the private key to regenerate both`,
      );
    return generate().publicKey;
  });
  return {
    contextSecret:
      contextSecret ??
      readOrCreate(join(dir, 'context.secret'), () => randomBytes(32).toString('base64url')).trim(),
    platformPrivateKeyPem,
    platformPublicKeyPem,
  };
}
