/**
 * `npm run -s token -- --client <id> [--ttl <seconds>]`: prints a platform-issued token for a demo
 * client, and nothing else, so that `TOKEN=$(npm run -s token -- --client welfare)` works.
 */
import { loadConfig } from '../kit/config/variables';
import { ensurePlatformKeys } from '../kit/auth/keys';
import { importPlatformPrivateKey, issueClientToken } from '../kit/auth/client-token';
import { DEMO_CLIENTS } from '../router/clients/demo-clients';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const client = arg('client');
  const ids = DEMO_CLIENTS.map((c) => c.id).join(', ');
  if (!client) throw new Error(`usage: npm run -s token -- --client <id>   (demo clients: ${ids})`);
  if (!DEMO_CLIENTS.some((c) => c.id === client))
    throw new Error(`unknown client "${client}"; demo clients: ${ids}`);
  const ttl = Number(arg('ttl') ?? 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a positive number of seconds');
  const config = loadConfig();
  const keys = ensurePlatformKeys(config.dataDir ?? 'data', config.contextSecret);
  process.stdout.write(
    `${await issueClientToken(client, await importPlatformPrivateKey(keys.platformPrivateKeyPem), ttl)}\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
