import { renderTrustListJson } from './trust-list-json';
import { tamperedCopy } from './tampered-copy';
import { makeTestTrust, TEST_CONTENT } from './test-fixtures';
import { USAGE, runVerifyOfflineCli } from './verify-offline-cli';

const trust = makeTestTrust();
const files: Record<string, Buffer> = {
  'trust-list.json': Buffer.from(renderTrustListJson(trust.trustList)),
  'degree.txt': TEST_CONTENT,
  'broken.json': Buffer.from('{"format":'),
};
const deps = {
  now: new Date('2026-11-01T09:00:00.000Z'),
  readFile(path: string): Buffer {
    const file = files[path];
    if (!file) throw new Error(`ENOENT ${path}`);
    return file;
  },
};
const genuine = trust.sign({ keyId: 'UNI-01-K1' });

describe('offline verifier command line', () => {
  it('exits 0 for a genuine payload and prints what it checked', () => {
    const out = runVerifyOfflineCli(
      ['--trust-list', 'trust-list.json', '--payload', genuine, '--content', 'degree.txt'],
      deps,
    );
    expect(out.exitCode).toBe(0);
    expect(out.output.split('\n')).toEqual([
      'Verdict: VALID',
      'Issuer: جامعة بغداد — University of Baghdad (UNI-01)',
      'Issued: 2010-07-15',
      "Document: DOC-000001 — شهادة بكالوريوس — الهندسة المدنية / Bachelor's degree — Civil Engineering",
      '  gradeAverage: 78.5',
      '  holderName: علي حسين كاظم',
      '  serialNumber: UNI-01-2010-00001',
      expect.stringMatching(/^Verification code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/),
      'Checked at 2026-11-01T09:00:00.000Z against the trust list published 2026-11-01T00:00:00.000Z; later revocations are not known offline.',
    ]);
  });

  it('exits 1 for a tampered payload and says it was altered', () => {
    const forged = tamperedCopy(genuine, { gradeAverage: '91.0' });
    const out = runVerifyOfflineCli(['--trust-list', 'trust-list.json', '--payload', forged], deps);
    expect(out.exitCode).toBe(1);
    expect(out.output.split('\n')).toEqual([
      'Verdict: TAMPERED',
      expect.stringMatching(/^Verification code: /),
      'Reason: The signature does not match the fields: the payload was altered after University of Baghdad signed it, or was never signed by it.',
      'Checked at 2026-11-01T09:00:00.000Z against the trust list published 2026-11-01T00:00:00.000Z; later revocations are not known offline.',
    ]);
  });

  it('answers JSON for scripts, checked at the instant asked', () => {
    const out = runVerifyOfflineCli(
      ['--trust-list', 'trust-list.json', '--payload', 'UR1.!', '--at', '2030-01-01T00:00:00Z', '--json'],
      deps,
    );
    expect(out.exitCode).toBe(1);
    expect(JSON.parse(out.output)).toMatchObject({
      verdict: 'NOT_FOUND',
      reasons: ['Malformed QR payload: the part after UR1. is not base64url.'],
      checkedAt: '2030-01-01T00:00:00.000Z',
      trustListPublishedAt: '2026-11-01T00:00:00.000Z',
    });
  });

  it('exits 2 when it cannot check at all', () => {
    expect(runVerifyOfflineCli(['--payload', genuine], deps)).toEqual({
      exitCode: 2,
      output: `--trust-list is required\n${USAGE}`,
    });
    expect(runVerifyOfflineCli(['--trust-list', 'missing.json', '--payload', genuine], deps)).toEqual({
      exitCode: 2,
      output: 'Cannot use trust list missing.json: the file cannot be read',
    });
    expect(runVerifyOfflineCli(['--trust-list', 'broken.json', '--payload', genuine], deps).exitCode).toBe(2);
    expect(
      runVerifyOfflineCli(['--trust-list', 'trust-list.json', '--payload', genuine, '--at', 'x'], deps),
    ).toEqual({
      exitCode: 2,
      output: '--at must be an ISO 8601 instant, got "x"',
    });
  });
});
