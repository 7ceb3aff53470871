import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_UNIVERSITIES, demoAcademicRecords } from '../kit/demo/academic-records';
import { forgedGrade, tamperedCopy } from '../kit/secured-documents/tampered-copy';
import { Document } from '../subgraphs/documents/entities/document.entity';
import { qrPayloadOf } from '../subgraphs/documents/signing/statement-of';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/**
 * The public /verify page in a real browser: Debian's Chromium, headless, driven by
 * playwright-core (no downloaded browser). Skipped only on a developer machine without
 * /usr/bin/chromium; in CI (CI set) it always runs.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/verify-page.png';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(
    `verify-page.browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium fonts-dejavu-core). ` +
      'It runs whenever CI is set.',
  );
}
const describeInBrowser = haveChromium || process.env.CI ? describe : describe.skip;

describeInBrowser('the /verify page in headless Chromium', () => {
  let graph: NationalGraph;
  let browser: Browser;
  let page: Page;
  let base: string;
  const record = demoAcademicRecords().find((r) => r.tamperedCopy);
  const university = DEMO_UNIVERSITIES.find((u) => u.code === record?.universityCode);
  let code: string;
  let tampered: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    if (!record || !university) throw new Error('the demo data has no academic record with a forged copy');
    [graph, browser] = await Promise.all([
      startNationalGraph({ only: ['identity', 'documents'] }),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ]);
    base = graph.router.url.replace(/\/graphql$/, '');
    // The secured document as the documents subgraph stores it: its printed code, and the
    // forgery a holder might present (the same signature, a better grade).
    const document = await graph.subgraphs.documents!.orm.em.fork().findOneOrFail(Document, {
      id: record.documentId,
    });
    code = document.verificationCode as string;
    const genuine = qrPayloadOf(document) as string;
    tampered = tamperedCopy(genuine, { gradeAverage: forgedGrade(record.gradeAverage.toFixed(1)) });
    page = await browser.newPage({ viewport: { width: 900, height: 1000 }, locale: 'ar-IQ' });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  const badge = () => page.locator('.badge[data-verdict]');

  it('a person types the printed code and sees VALID, in Arabic and English, with the issuer', async () => {
    const res = await page.goto(`${base}/verify`);
    expect(res?.status()).toBe(200);
    await page.fill('#code', code);
    await Promise.all([page.waitForURL(/\/verify\?code=/), page.click('button[type=submit]')]);
    await expect(badge().getAttribute('data-verdict')).resolves.toBe('VALID');
    const text = await badge().innerText();
    expect(text).toContain('وثيقة صحيحة');
    expect(text).toContain('Valid document');
    await expect(page.locator('[data-field=issuer-ar]').innerText()).resolves.toBe(university!.ar);
    await expect(page.locator('[data-field=issuer-en]').innerText()).resolves.toBe(university!.en);
    await expect(page.locator('[data-field=code]').innerText()).resolves.toBe(code);
    await expect(page.locator('time').first().innerText()).resolves.toBe(record!.issuedAt);
    // Green, as a person expects a good answer to look.
    await expect(
      page.evaluate("getComputedStyle(document.querySelector('.badge')).backgroundColor"),
    ).resolves.toBe('rgb(27, 127, 59)');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('the QR link of a forged copy answers TAMPERED', async () => {
    const res = await page.goto(`${base}/verify?p=${encodeURIComponent(tampered)}`);
    expect(res?.status()).toBe(200);
    await expect(badge().getAttribute('data-verdict')).resolves.toBe('TAMPERED');
    const text = await badge().innerText();
    expect(text).toContain('تم التلاعب بالوثيقة');
    expect(text).toContain('Document has been altered');
    expect(await page.locator('ul.reasons li').count()).toBeGreaterThan(0);
    await expect(
      page.evaluate("getComputedStyle(document.querySelector('.badge')).backgroundColor"),
    ).resolves.toBe('rgb(179, 38, 30)');
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-tampered.png'), fullPage: true });
  });

  it('a mistyped code answers NOT_FOUND with the reason', async () => {
    await page.goto(`${base}/verify`);
    await page.fill('#code', 'ABCD-EFGH-JK');
    await Promise.all([page.waitForURL(/\/verify\?code=/), page.click('button[type=submit]')]);
    await expect(badge().getAttribute('data-verdict')).resolves.toBe('NOT_FOUND');
    const text = await badge().innerText();
    expect(text).toContain('لم يُعثر على الوثيقة');
    expect(text).toContain('Document not found');
    await expect(page.locator('ul.reasons').innerText()).resolves.toMatch(/not a verification code/);
  });

  it('is an Arabic page laid out right to left, with nothing blocked by its CSP', async () => {
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.evaluate('getComputedStyle(document.body).direction')).resolves.toBe('rtl');
    await expect(page.locator('[lang=en]').first().getAttribute('dir')).resolves.toBe('ltr');
    expect(cspViolations).toEqual([]);
  });
});
