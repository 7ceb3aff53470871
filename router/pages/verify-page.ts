import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_QR_PAYLOAD_CHARS } from '../../kit/secured-documents/qr-payload';
import { type Verdict, VERDICTS } from '../../kit/secured-documents/verdict';
import type { Execute, ExecuteResult } from './anonymous-execute';

/**
 * The public verification page, `GET /verify` (no login): a person types the code printed on a
 * secured document, or opens the link in its QR code (`/verify?p=UR1.…`), and reads the verdict
 * in Arabic and English. The check runs through the router as an anonymous caller, so the page
 * shows only what the graph shows anyone, and every check is in the audit trail.
 *
 * Plain server-rendered HTML: no script, no external asset (inline CSS under a strict CSP), every
 * value escaped, nothing cached (the verdict can change when the issuer revokes a document).
 */

/** Longer input is not a code: refused before anything runs. */
export const MAX_CODE_CHARS = 64;

export const VERIFY_DOCUMENT_QUERY = `query VerifyPageCode($code: String!) {
  verifyDocument(code: $code) { ...VerifyPageResult }
}
${resultFragment()}`;

export const VERIFY_QR_PAYLOAD_QUERY = `query VerifyPageQr($payload: String!) {
  verifyQrPayload(payload: $payload) { ...VerifyPageResult }
}
${resultFragment()}`;

function resultFragment(): string {
  return `fragment VerifyPageResult on VerificationResult {
  verdict
  issuer { id name nameEn }
  issuedAt
  documentId
  title
  titleEn
  validUntil
  verificationCode
  reasons
  checkedAt
}`;
}

/** What the page shows of a VerificationResult. */
export interface VerificationView {
  readonly verdict: Verdict;
  readonly issuer: { readonly id: string; readonly name: string; readonly nameEn: string } | null;
  readonly issuedAt: string | null;
  readonly documentId: string | null;
  readonly title: string | null;
  readonly titleEn: string | null;
  readonly validUntil: string | null;
  readonly verificationCode: string | null;
  readonly reasons: readonly string[];
  readonly checkedAt: string;
}

export type Tone = 'valid' | 'danger' | 'warning' | 'neutral';

export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

/** Each verdict as a person reads it: a label, one sentence of meaning, and its colour. */
export const VERDICT_LABELS: Readonly<Record<Verdict, Bilingual & { tone: Tone; meaning: Bilingual }>> = {
  VALID: {
    ar: 'وثيقة صحيحة',
    en: 'Valid document',
    tone: 'valid',
    meaning: {
      ar: 'وقّعتها الجهة المصدرة بمفتاح معتمد، ولم يُغيَّر فيها شيء، وهي سارية المفعول.',
      en: 'Signed by the issuer with a trusted key, unchanged, and in force.',
    },
  },
  TAMPERED: {
    ar: 'تم التلاعب بالوثيقة',
    en: 'Document has been altered',
    tone: 'danger',
    meaning: {
      ar: 'التوقيع لا يطابق محتوى الوثيقة. لا تعتمد على أي شيء ورد فيها.',
      en: 'The signature does not match its contents. Do not rely on anything it says.',
    },
  },
  REVOKED: {
    ar: 'وثيقة ملغاة',
    en: 'Document revoked',
    tone: 'danger',
    meaning: {
      ar: 'الوثيقة أصلية لكن الجهة المصدرة سحبتها؛ السبب وتاريخه أدناه.',
      en: 'Genuine, but the issuer has withdrawn it; the reason and date are below.',
    },
  },
  KEY_REVOKED: {
    ar: 'مفتاح التوقيع ملغى',
    en: 'Signing key revoked',
    tone: 'danger',
    meaning: {
      ar: 'ألغت الجهة المصدرة المفتاح الذي وُقّعت به الوثيقة، فلا يُعتدّ بأي توقيع بهذا المفتاح.',
      en: 'The issuer revoked the key that signed it: no signature by that key counts.',
    },
  },
  SUSPENDED: {
    ar: 'وثيقة موقوفة',
    en: 'Document suspended',
    tone: 'warning',
    meaning: {
      ar: 'الوثيقة أصلية لكنها موقوفة بانتظار قرار الجهة المصدرة، وقد يُعاد العمل بها.',
      en: 'Genuine, but suspended pending the issuer’s decision; it may be reinstated.',
    },
  },
  EXPIRED: {
    ar: 'وثيقة منتهية الصلاحية',
    en: 'Document expired',
    tone: 'warning',
    meaning: {
      ar: 'الوثيقة أصلية لكن مدة صلاحيتها انتهت، أو لم يكن مفتاح توقيعها سارياً يوم توقيعها.',
      en: 'Genuine, but its validity has ended, or its key was not valid on the day it was signed.',
    },
  },
  UNKNOWN_ISSUER: {
    ar: 'جهة إصدار غير معروفة',
    en: 'Unknown issuer',
    tone: 'neutral',
    meaning: {
      ar: 'موقّعة من جهة أو بمفتاح غير مدرج في قائمة الثقة الوطنية.',
      en: 'Signed by an issuer or key that is not in the national trust list.',
    },
  },
  NOT_FOUND: {
    ar: 'لم يُعثر على الوثيقة',
    en: 'Document not found',
    tone: 'neutral',
    meaning: {
      ar: 'لا توجد وثيقة بهذا الرمز، أو تعذّرت قراءة الرمز أو رابط رمز QR.',
      en: 'No document has this code, or the code or QR link cannot be read.',
    },
  },
};

const TONE_COLOURS: Readonly<Record<Tone, { background: string; text: string }>> = {
  valid: { background: '#1b7f3b', text: '#ffffff' },
  danger: { background: '#b3261e', text: '#ffffff' },
  warning: { background: '#f2a900', text: '#231a00' },
  neutral: { background: '#5f6368', text: '#ffffff' },
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(VERDICTS, value);
}

/**
 * Arabic first, English beside it (a label), or below it (`block`: a sentence, which would
 * otherwise wrap into the Arabic). Plain text, escaped here; codes in it are isolated so their
 * hyphens and a following full stop stay where a reader expects them.
 */
function both(text: Bilingual, block = false): string {
  const isolate = (t: string) =>
    escapeHtml(t).replace(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}\b/g, (c) => `<bdi dir="ltr">${c}</bdi>`);
  return `<span class="bi${block ? ' block' : ''}"><span class="ar">${isolate(text.ar)}</span> <span lang="en" dir="ltr">${isolate(text.en)}</span></span>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2328;font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Tahoma,Arial,sans-serif;line-height:1.6}
header{background:#0b3d2e;color:#fff;padding:1.25rem 1.5rem}
header h1{margin:0;font-size:1.5rem}
header p{margin:.25rem 0 0;opacity:.9}
main{max-width:46rem;margin:1.5rem auto;padding:0 1rem}
section{background:#fff;border:1px solid #d8dce0;border-radius:.5rem;padding:1.25rem;margin-bottom:1.25rem}
h2{font-size:1.15rem;margin:0 0 .75rem}
dl+h2{margin-top:1.25rem}
.bi.block>span{display:block}
[lang=en]{font-family:"DejaVu Sans",Arial,sans-serif;color:#57606a;font-size:.9em;margin-inline-start:.5rem}
.bi.block>[lang=en]{margin:0}
header [lang=en],button [lang=en]{color:inherit;opacity:.85}
label{display:block;font-weight:bold;margin-bottom:.5rem}
.row{display:flex;gap:.5rem;flex-wrap:wrap}
input[type=text]{flex:1 1 14rem;font-size:1.25rem;padding:.5rem .75rem;border:2px solid #8c959f;border-radius:.375rem;font-family:"DejaVu Sans Mono",monospace;letter-spacing:.1em}
button{font-size:1.1rem;padding:.5rem 1.25rem;border:0;border-radius:.375rem;background:#0b3d2e;color:#fff;cursor:pointer;font-family:inherit}
.hint{color:#57606a;font-size:.95rem;margin:.5rem 0 0}
.badge{border-radius:.75rem;padding:1.25rem 1.5rem;font-size:1.75rem;font-weight:bold;text-align:center;margin-bottom:1rem}
.badge [lang=en]{display:block;color:inherit;opacity:.92;font-size:1.15rem;margin:0}
${(Object.keys(TONE_COLOURS) as Tone[])
  .map((t) => `.tone-${t}{background:${TONE_COLOURS[t].background};color:${TONE_COLOURS[t].text}}`)
  .join('\n')}
.meaning{margin:0 0 1rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.5rem 1rem;margin:0}
dt{font-weight:bold}
dd{margin:0}
.ltr{direction:ltr;unicode-bidi:isolate}
ul.reasons{margin:.5rem 0 0;padding-inline-start:1.5rem}
.notice{border-inline-start:.375rem solid #b3261e;background:#fff4f3}
.notice.warning{border-color:#f2a900;background:#fff8e6}
footer{max-width:46rem;margin:0 auto 2rem;padding:0 1rem;color:#57606a;font-size:.9rem}
a{color:#0b5cad}
`;

const HEADING: Bilingual = { ar: 'التحقق من الوثائق الرسمية', en: 'Official document verification' };

function page(body: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(HEADING.ar)} · ${escapeHtml(HEADING.en)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${both(HEADING)}</h1>
<p>${both({ ar: 'جمهورية العراق — الشبكة الوطنية لتبادل البيانات', en: 'Republic of Iraq — Ur National Graph' })}</p>
</header>
<main>
${body}
</main>
<footer>
<p>${both(
    {
      ar: 'التحقق مجاني ولا يحتاج إلى تسجيل دخول. تُسجَّل كل عملية تحقق في سجل التدقيق.',
      en: 'Verification is free and needs no login. Every check is recorded in the audit trail.',
    },
    true,
  )}</p>
<p>${both({ ar: 'قائمة الثقة (الجهات المصدرة ومفاتيحها العامة):', en: 'Trust list (issuers and their public keys):' })} <a href="/trust-list.json" dir="ltr">/trust-list.json</a></p>
</footer>
</body>
</html>
`;
}

function form(code = ''): string {
  return `<section>
<form method="get" action="/verify" role="search">
<label for="code">${both({ ar: 'رمز التحقق المطبوع على الوثيقة', en: 'Verification code printed on the document' })}</label>
<div class="row">
<input type="text" id="code" name="code" dir="ltr" lang="en" value="${escapeHtml(code)}" placeholder="XXXX-XXXX-XX" maxlength="${MAX_CODE_CHARS}" autocomplete="off" autocapitalize="characters" spellcheck="false" required>
<button type="submit">${both({ ar: 'تحقّق', en: 'Verify' })}</button>
</div>
<p class="hint">${both(
    {
      ar: 'عشرة أحرف وأرقام، مثل 7KQ3-M9XD-2F. أو امسح رمز QR الموجود على الوثيقة بكاميرا الهاتف.',
      en: 'Ten letters and digits, such as 7KQ3-M9XD-2F. Or scan the QR code on the document with a phone camera.',
    },
    true,
  )}</p>
</form>
</section>`;
}

function notice(title: Bilingual, detail: Bilingual | null, kind: 'error' | 'warning', extra = ''): string {
  return `<section class="notice${kind === 'warning' ? ' warning' : ''}" role="alert" data-notice="${kind}">
<h2>${both(title)}</h2>
${detail ? `<p>${both(detail, true)}</p>` : ''}${extra}
</section>`;
}

/** The form alone: `GET /verify` with nothing to check. */
export function renderFormPage(code = ''): string {
  return page(form(code));
}

function fact(label: Bilingual, value: string): string {
  return `<dt>${both(label)}</dt><dd>${value}</dd>`;
}

function date(value: string): string {
  return `<time class="ltr" datetime="${escapeHtml(value)}">${escapeHtml(value)}</time>`;
}

/** An ISO instant as a person reads it: `2026-01-02 03:04 UTC`. */
function instant(value: string): string {
  const shown = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)
    ? `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`
    : value;
  return `<time class="ltr" datetime="${escapeHtml(value)}">${escapeHtml(shown)}</time>`;
}

/** The verdict, its meaning, what the document says it is, and every finding. */
export function renderVerdictPage(result: VerificationView, typedCode = ''): string {
  const label = VERDICT_LABELS[result.verdict];
  const facts: string[] = [];
  if (result.issuer) {
    facts.push(
      fact(
        { ar: 'الجهة المصدرة', en: 'Issuer' },
        `<span class="ar" data-field="issuer-ar">${escapeHtml(result.issuer.name)}</span><br><span lang="en" dir="ltr" data-field="issuer-en">${escapeHtml(result.issuer.nameEn)}</span>`,
      ),
    );
  }
  if (result.title || result.titleEn) {
    facts.push(
      fact(
        { ar: 'الوثيقة', en: 'Document' },
        [
          result.title ? `<span class="ar" data-field="title-ar">${escapeHtml(result.title)}</span>` : '',
          result.titleEn
            ? `<span lang="en" dir="ltr" data-field="title-en">${escapeHtml(result.titleEn)}</span>`
            : '',
        ]
          .filter(Boolean)
          .join('<br>'),
      ),
    );
  }
  if (result.issuedAt) facts.push(fact({ ar: 'تاريخ الإصدار', en: 'Issued on' }, date(result.issuedAt)));
  if (result.validUntil) facts.push(fact({ ar: 'صالحة حتى', en: 'Valid until' }, date(result.validUntil)));
  if (result.verificationCode) {
    facts.push(
      fact(
        { ar: 'رمز التحقق', en: 'Verification code' },
        `<code class="ltr" data-field="code">${escapeHtml(result.verificationCode)}</code>`,
      ),
    );
  }
  facts.push(fact({ ar: 'وقت التحقق', en: 'Checked at' }, instant(result.checkedAt)));
  const reasons = result.reasons.length
    ? `<h2>${both({ ar: 'الأسباب', en: 'Reasons' })}</h2>
<ul class="reasons" data-field="reasons">
${result.reasons.map((r) => `<li dir="auto">${escapeHtml(r)}</li>`).join('\n')}
</ul>`
    : '';
  return page(`<section aria-live="polite">
<div class="badge tone-${label.tone}" role="status" data-verdict="${escapeHtml(result.verdict)}" data-tone="${label.tone}">
<span class="ar">${escapeHtml(label.ar)}</span>
<span lang="en" dir="ltr">${escapeHtml(label.en)}</span>
</div>
<p class="meaning">${both(label.meaning, true)}</p>
<dl>
${facts.join('\n')}
</dl>
${reasons}
</section>
${form(typedCode)}`);
}

/** 400: input that cannot be a code or a QR payload; nothing was looked up. */
export function renderBadRequestPage(problem: Bilingual, typedCode = ''): string {
  return page(
    `${notice({ ar: 'تعذّر قبول الطلب', en: 'The request cannot be accepted' }, problem, 'error')}
${form(typedCode.length > MAX_CODE_CHARS ? '' : typedCode)}`,
  );
}

/** 503: the check could not be made (e.g. the documents subgraph is down); says which error. */
export function renderUnavailablePage(code: string): string {
  return page(
    `${notice(
      { ar: 'خدمة التحقق غير متاحة حالياً', en: 'The verification service is unavailable' },
      {
        ar: 'تعذّر التحقق من الوثيقة الآن. لا يعني ذلك أن الوثيقة غير صحيحة؛ يُرجى المحاولة لاحقاً.',
        en: 'The document could not be checked right now. This says nothing about the document; please try again later.',
      },
      'warning',
      `<p>${both({ ar: 'رمز الخطأ:', en: 'Error code:' })} <code class="ltr" data-error-code="${escapeHtml(code)}">${escapeHtml(code)}</code></p>`,
    )}
${form()}`,
  );
}

/** A strict policy: no script, no external asset, no framing; the form posts only back here. */
export const VERIFY_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': VERIFY_PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** The first error's code, for the 503 page. */
function errorCode(errors: ExecuteResult['errors']): string {
  const code = errors?.[0]?.extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/** Reads the answer; null when it holds no usable verdict. */
function viewOf(value: unknown): VerificationView | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isVerdict(r.verdict)) return null;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const issuer = r.issuer as Record<string, unknown> | null | undefined;
  return {
    verdict: r.verdict,
    issuer:
      issuer && typeof issuer.id === 'string'
        ? { id: issuer.id, name: String(issuer.name ?? ''), nameEn: String(issuer.nameEn ?? '') }
        : null,
    issuedAt: text(r.issuedAt),
    documentId: text(r.documentId),
    title: text(r.title),
    titleEn: text(r.titleEn),
    validUntil: text(r.validUntil),
    verificationCode: text(r.verificationCode),
    reasons: Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === 'string') : [],
    checkedAt: text(r.checkedAt) ?? new Date().toISOString(),
  };
}

/**
 * `GET /verify`: the form; `?code=…` checks a typed code (verifyDocument); `?p=UR1.…` checks the
 * payload of a scanned QR code (verifyQrPayload). `execute` runs the operation as an anonymous
 * caller through the router's pipeline.
 */
export function verifyPageRoute(
  execute: Execute,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      sendHtml(
        req,
        res,
        405,
        renderBadRequestPage({
          ar: 'هذه الصفحة تُفتح بطلب GET فقط.',
          en: 'This page answers GET requests only.',
        }),
        { allow: 'GET, HEAD' },
      );
      return;
    }
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const payload = params.get('p');
    const code = params.get('code');

    let operation: { query: string; variables: Record<string, unknown>; field: string };
    if (payload !== null) {
      if (payload.length > MAX_QR_PAYLOAD_CHARS) {
        sendHtml(
          req,
          res,
          400,
          renderBadRequestPage({
            ar: `رابط رمز QR أطول من ${MAX_QR_PAYLOAD_CHARS} حرفاً، فلا يمكن أن يكون رمزاً صادراً عن جهة رسمية.`,
            en: `The QR link is longer than ${MAX_QR_PAYLOAD_CHARS} characters, so it cannot come from a genuine QR code.`,
          }),
        );
        return;
      }
      operation = { query: VERIFY_QR_PAYLOAD_QUERY, variables: { payload }, field: 'verifyQrPayload' };
    } else if (code !== null) {
      if (code.length > MAX_CODE_CHARS) {
        sendHtml(
          req,
          res,
          400,
          renderBadRequestPage({
            ar: `رمز التحقق أطول من ${MAX_CODE_CHARS} حرفاً. الرمز الصحيح عشرة أحرف مثل 7KQ3-M9XD-2F.`,
            en: `The verification code is longer than ${MAX_CODE_CHARS} characters. A code is ten characters, such as 7KQ3-M9XD-2F.`,
          }),
        );
        return;
      }
      if (!code.trim()) {
        sendHtml(
          req,
          res,
          400,
          renderBadRequestPage({
            ar: 'أدخل رمز التحقق المطبوع على الوثيقة.',
            en: 'Enter the verification code printed on the document.',
          }),
        );
        return;
      }
      operation = { query: VERIFY_DOCUMENT_QUERY, variables: { code }, field: 'verifyDocument' };
    } else {
      sendHtml(req, res, 200, renderFormPage());
      return;
    }

    let answer: ExecuteResult;
    try {
      answer = await execute(operation.query, operation.variables);
    } catch (error) {
      console.error('verify page: the check failed', error instanceof Error ? error.message : error);
      sendHtml(req, res, 503, renderUnavailablePage('INTERNAL_SERVER_ERROR'), { 'retry-after': '30' });
      return;
    }
    const view = viewOf(answer.data?.[operation.field]);
    if (!view) {
      sendHtml(req, res, 503, renderUnavailablePage(errorCode(answer.errors)), { 'retry-after': '30' });
      return;
    }
    // A verdict stands even if a detail (e.g. the issuer) could not be read alongside it.
    sendHtml(req, res, 200, renderVerdictPage(view, code ?? ''));
  };
}
