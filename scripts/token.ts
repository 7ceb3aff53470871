/**
 * Development tokens, printed alone so that `TOKEN=$(npm run -s token -- --client welfare)` works:
 *   npm run -s token -- --client <id> [--ttl <seconds>]    a demo client
 *   npm run -s token -- --citizen <nationalId>             a citizen, for myDataAccesses
 */
import { loadConfig } from '../kit/config/variables';
import { ensurePlatformKeys } from '../kit/auth/keys';
import { CITIZEN_SUBJECT, importPrivateKey, issuePlatformToken } from '../kit/auth/client-token';
import { isValidNationalId } from '../kit/graphql/national-id';
import { DEMO_CLIENTS } from '../subgraphs/platform/demo-clients';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function subject(): string {
  const ids = DEMO_CLIENTS.map((c) => c.id).join(', ');
  const client = arg('client');
  const citizen = arg('citizen');
  if (client && !DEMO_CLIENTS.some((c) => c.id === client))
    throw new Error(`unknown client "${client}"; demo clients: ${ids}`);
  if (client) return client;
  if (citizen && !isValidNationalId(citizen))
    throw new Error(`"${citizen}" is not a valid 12-digit national ID`);
  if (citizen) return `${CITIZEN_SUBJECT}${citizen}`;
  throw new Error(
    `usage: npm run -s token -- --client <id> | --citizen <nationalId>   (demo clients: ${ids})`,
  );
}

async function main() {
  const sub = subject();
  const ttl = Number(arg('ttl') ?? 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a positive number of seconds');
  const config = loadConfig();
  const keys = ensurePlatformKeys(config.dataDir ?? 'data', config.contextSecret);
  process.stdout.write(
    `${await issuePlatformToken(sub, await importPrivateKey(keys.platformPrivateKeyPem), ttl)}\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
