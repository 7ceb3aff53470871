/**
 * The offline verifier: checks a secured document's QR payload against a saved trust list, with
 * no network. Exit code 0 when VALID, 1 for any other verdict, 2 when it could not check.
 *   npm run -s verify-offline -- --trust-list <file> --payload <UR1…> [--content <file>] [--code <code>] [--at <ISO>] [--json]
 */
import { readFileSync } from 'node:fs';
import { runVerifyOfflineCli } from '../kit/secured-documents/verify-offline-cli';

const outcome = runVerifyOfflineCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path),
  now: new Date(),
});
(outcome.exitCode === 2 ? console.error : console.log)(outcome.output);
process.exit(outcome.exitCode);
