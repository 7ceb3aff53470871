import { MAX_QR_PAYLOAD_CHARS } from '../../kit/secured-documents/qr-payload';
import { VERDICTS, type Verdict } from '../../kit/secured-documents/verdict';
import { type Listening, serve } from '../../kit/http/serve';
import type { Execute, ExecuteResult } from './anonymous-execute';
import { trustListRoute } from './trust-list-route';
import {
  escapeHtml,
  MAX_CODE_CHARS,
  renderBadRequestPage,
  renderFormPage,
  renderUnavailablePage,
  renderVerdictPage,
  VERDICT_LABELS,
  type VerificationView,
  verifyPageRoute,
} from './verify-page';

const valid: VerificationView = {
  verdict: 'VALID',
  issuer: { id: 'UNI-01', name: 'جامعة بغداد', nameEn: 'University of Baghdad' },
  issuedAt: '2019-07-14',
  documentId: 'DOC-000001',
  title: 'شهادة بكالوريوس في القانون',
  titleEn: "Bachelor's degree in Law",
  validUntil: null,
  verificationCode: '7KQ3-M9XD-2F',
  reasons: [],
  checkedAt: '2026-01-02T03:04:05.000Z',
};

const expectedLabels: Record<Verdict, [string, string]> = {
  VALID: ['وثيقة صحيحة', 'Valid document'],
  TAMPERED: ['تم التلاعب بالوثيقة', 'Document has been altered'],
  REVOKED: ['وثيقة ملغاة', 'Document revoked'],
  KEY_REVOKED: ['مفتاح التوقيع ملغى', 'Signing key revoked'],
  SUSPENDED: ['وثيقة موقوفة', 'Document suspended'],
  EXPIRED: ['وثيقة منتهية الصلاحية', 'Document expired'],
  UNKNOWN_ISSUER: ['جهة إصدار غير معروفة', 'Unknown issuer'],
  NOT_FOUND: ['لم يُعثر على الوثيقة', 'Document not found'],
};

const tones: Record<Verdict, string> = {
  VALID: 'valid',
  TAMPERED: 'danger',
  REVOKED: 'danger',
  KEY_REVOKED: 'danger',
  SUSPENDED: 'warning',
  EXPIRED: 'warning',
  UNKNOWN_ISSUER: 'neutral',
  NOT_FOUND: 'neutral',
};

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml('جامعة بغداد')).toBe('جامعة بغداد');
  });
});

describe('the verify page HTML', () => {
  it('is a right-to-left Arabic page with English beside it, and no script or external asset', () => {
    const html = renderFormPage();
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<span lang="en" dir="ltr">Official document verification</span>');
    expect(html).toContain('<form method="get" action="/verify"');
    expect(html).toContain('name="code"');
    expect(html).toContain('placeholder="XXXX-XXXX-XX"');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });

  it.each(Object.keys(VERDICTS) as Verdict[])(
    'labels %s in Arabic and English, with its colour',
    (verdict) => {
      const [ar, en] = expectedLabels[verdict];
      expect(VERDICT_LABELS[verdict]).toMatchObject({ ar, en, tone: tones[verdict] });
      const html = renderVerdictPage({ ...valid, verdict, reasons: verdict === 'VALID' ? [] : ['why'] });
      expect(html).toContain(
        `<div class="badge tone-${tones[verdict]}" role="status" data-verdict="${verdict}" data-tone="${tones[verdict]}">\n<span class="ar">${ar}</span>\n<span lang="en" dir="ltr">${en}</span>`,
      );
    },
  );

  it('every verdict has a label (none missing, none extra)', () => {
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual(Object.keys(VERDICTS).sort());
  });

  it('shows the issuer, title, issued date, code and reasons', () => {
    const html = renderVerdictPage({ ...valid, verdict: 'REVOKED', reasons: ['Revoked since 2025-03-15.'] });
    expect(html).toContain('<span class="ar" data-field="issuer-ar">جامعة بغداد</span>');
    expect(html).toContain('<span lang="en" dir="ltr" data-field="issuer-en">University of Baghdad</span>');
    expect(html).toContain('data-field="title-ar">شهادة بكالوريوس في القانون</span>');
    expect(html).toContain('data-field="title-en">Bachelor&#39;s degree in Law</span>');
    expect(html).toContain('<time class="ltr" datetime="2019-07-14">2019-07-14</time>');
    expect(html).toContain('<code class="ltr" data-field="code">7KQ3-M9XD-2F</code>');
    expect(html).toContain('<li dir="auto">Revoked since 2025-03-15.</li>');
  });

  it('escapes every value from the graph and from the visitor', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderVerdictPage(
      {
        ...valid,
        verdict: 'TAMPERED',
        issuer: { id: 'X', name: evil, nameEn: evil },
        title: evil,
        titleEn: evil,
        issuedAt: evil,
        validUntil: evil,
        verificationCode: evil,
        reasons: [evil],
        checkedAt: evil,
      },
      `"><script>alert(1)</script>`,
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('the 400 page says what is wrong in both languages, with the form again', () => {
    const html = renderBadRequestPage({ ar: 'رمز طويل <جداً>', en: 'Code too <long>' });
    expect(html).toContain('تعذّر قبول الطلب');
    expect(html).toContain('The request cannot be accepted');
    expect(html).toContain('رمز طويل &lt;جداً&gt;');
    expect(html).toContain('Code too &lt;long&gt;');
    expect(html).toContain('name="code"');
  });

  it('the 503 page names the error code', () => {
    const html = renderUnavailablePage('SUBGRAPH_UNAVAILABLE');
    expect(html).toContain('خدمة التحقق غير متاحة حالياً');
    expect(html).toContain('The verification service is unavailable');
    expect(html).toContain('data-error-code="SUBGRAPH_UNAVAILABLE">SUBGRAPH_UNAVAILABLE</code>');
  });
});

describe('the /verify and /trust-list.json routes', () => {
  let listening: Listening;
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  let answer: ExecuteResult | Error = { data: null };
  const execute: Execute = async (query, variables) => {
    calls.push({ query, variables });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  let quiet: jest.SpyInstance;
  beforeAll(async () => {
    // The routes log why a check failed; these tests provoke failures on purpose.
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    listening = await serve(
      { '/verify': verifyPageRoute(execute), '/trust-list.json': trustListRoute(execute) },
      0,
      '127.0.0.1',
    );
  });
  afterAll(async () => {
    quiet.mockRestore();
    await listening.close();
  });
  beforeEach(() => {
    calls.length = 0;
  });
  const get = (path: string) => fetch(`${listening.url}${path}`);

  it('answers the form with strict headers and calls nothing', async () => {
    const res = await get('/verify');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    );
    expect(await res.text()).toContain('name="code"');
    expect(calls).toEqual([]);
  });

  it('checks a typed code with verifyDocument and renders the verdict', async () => {
    answer = { data: { verifyDocument: { ...valid } } };
    const res = await get('/verify?code=7kq3-m9xd-2f');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-verdict="VALID"');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toContain('verifyDocument(code: $code)');
    expect(calls[0]!.variables).toEqual({ code: '7kq3-m9xd-2f' });
  });

  it('checks a QR link with verifyQrPayload', async () => {
    answer = { data: { verifyQrPayload: { ...valid, verdict: 'TAMPERED', issuer: null } } };
    const res = await get('/verify?p=UR1.abc_-');
    expect(await res.text()).toContain('data-verdict="TAMPERED"');
    expect(calls[0]!.query).toContain('verifyQrPayload(payload: $payload)');
    expect(calls[0]!.variables).toEqual({ payload: 'UR1.abc_-' });
  });

  it('refuses an over-long code or payload with a bilingual 400, calling nothing', async () => {
    const longCode = await get(`/verify?code=${'A'.repeat(MAX_CODE_CHARS + 1)}`);
    expect(longCode.status).toBe(400);
    expect(longCode.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const codePage = await longCode.text();
    expect(codePage).toContain('The request cannot be accepted');
    expect(codePage).toContain('تعذّر قبول الطلب');
    const longPayload = await get(`/verify?p=UR1.${'A'.repeat(MAX_QR_PAYLOAD_CHARS)}`);
    expect(longPayload.status).toBe(400);
    expect(await longPayload.text()).toContain(`${MAX_QR_PAYLOAD_CHARS}`);
    expect((await get('/verify?code=%20')).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers 503 naming the code when the check cannot be made', async () => {
    answer = {
      data: null,
      errors: [{ message: 'documents is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    };
    const res = await get('/verify?code=7KQ3-M9XD-2F');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('data-error-code="SUBGRAPH_UNAVAILABLE"');
    answer = new Error('boom');
    const thrown = await get('/verify?code=7KQ3-M9XD-2F');
    expect(thrown.status).toBe(503);
    expect(await thrown.text()).toContain('data-error-code="INTERNAL_SERVER_ERROR"');
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const res = await fetch(`${listening.url}/verify`, { method: 'POST', body: 'code=x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('the trust list answers 503 SUBGRAPH_UNAVAILABLE when the graph cannot give it', async () => {
    answer = { data: null, errors: [{ message: 'down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] };
    const res = await get('/trust-list.json');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      errors: [
        { message: 'The trust list is unavailable: down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ],
    });
    answer = { data: { trustList: { format: 'something-else' } } };
    const malformed = await get('/trust-list.json');
    expect(malformed.status).toBe(503);
  });
});
