import { parseTrustList, TrustListFormatError } from './trust-list-json';
import { verifyOffline } from './verify-offline';

/**
 * The offline verifier's command line, as a function of its arguments and a file reader, so it
 * is tested without spawning a process (scripts/verify-offline.ts only wires it to the console).
 *
 *   verify-offline --trust-list <file> --payload <UR1…> [--content <file>] [--code <code>]
 *                  [--at <ISO instant>] [--json]
 *
 * Exit code 0 when the verdict is VALID, 1 for any other verdict, 2 when it could not check
 * (bad arguments, unreadable trust list): a script can tell "not valid" from "not checked".
 */
export interface CliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
}

export interface CliDependencies {
  readFile(path: string): Buffer;
  readonly now: Date;
}

export const USAGE =
  'usage: verify-offline --trust-list <file> --payload <UR1…> [--content <file>] [--code <XXXX-XXXX-XX>] [--at <ISO instant>] [--json]';

const VALUE_OPTIONS = new Set(['--trust-list', '--payload', '--content', '--code', '--at']);

function readArgs(argv: readonly string[]): Map<string, string> | string {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] as string;
    if (name === '--json') {
      args.set(name, 'true');
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return `unknown argument ${name}`;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    args.set(name, value);
    i++;
  }
  if (!args.has('--trust-list')) return '--trust-list is required';
  if (!args.has('--payload')) return '--payload is required';
  return args;
}

export function runVerifyOfflineCli(argv: readonly string[], deps: CliDependencies): CliOutcome {
  const args = readArgs(argv);
  if (typeof args === 'string') return { exitCode: 2, output: `${args}\n${USAGE}` };
  const at = args.get('--at');
  const now = at === undefined ? deps.now : new Date(at);
  if (Number.isNaN(now.getTime()))
    return { exitCode: 2, output: `--at must be an ISO 8601 instant, got "${at}"` };

  const trustListPath = args.get('--trust-list') as string;
  let trustList;
  try {
    trustList = parseTrustList(JSON.parse(deps.readFile(trustListPath).toString('utf8')));
  } catch (error) {
    const why =
      error instanceof TrustListFormatError || error instanceof SyntaxError
        ? error.message
        : 'the file cannot be read';
    return { exitCode: 2, output: `Cannot use trust list ${trustListPath}: ${why}` };
  }
  let content: Buffer | undefined;
  const contentPath = args.get('--content');
  if (contentPath !== undefined) {
    try {
      content = deps.readFile(contentPath);
    } catch {
      return { exitCode: 2, output: `Cannot read document ${contentPath}` };
    }
  }

  const result = verifyOffline(args.get('--payload') as string, trustList, now, {
    content,
    code: args.get('--code'),
  });
  const exitCode = result.verdict === 'VALID' ? 0 : 1;
  if (args.has('--json')) {
    return {
      exitCode,
      output: JSON.stringify(
        { ...result, checkedAt: now.toISOString(), trustListPublishedAt: trustList.publishedAt },
        null,
        2,
      ),
    };
  }
  const lines = [`Verdict: ${result.verdict}`];
  if (result.issuer)
    lines.push(`Issuer: ${result.issuer.name} — ${result.issuer.nameEn} (${result.issuer.id})`);
  if (result.issuedAt) lines.push(`Issued: ${result.issuedAt}`);
  if (result.documentId) {
    lines.push(
      `Document: ${result.documentId} — ${result.title}${result.titleEn ? ` / ${result.titleEn}` : ''}`,
    );
  }
  for (const [name, value] of Object.entries(result.fields ?? {})) lines.push(`  ${name}: ${value}`);
  if (result.verificationCode) lines.push(`Verification code: ${result.verificationCode}`);
  for (const reason of result.reasons) lines.push(`Reason: ${reason}`);
  lines.push(
    `Checked at ${now.toISOString()} against the trust list published ${trustList.publishedAt}; later revocations are not known offline.`,
  );
  return { exitCode, output: lines.join('\n') };
}
