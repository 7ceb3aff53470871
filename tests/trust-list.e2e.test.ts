import { parseTrustList, renderTrustListJson } from '../kit/secured-documents/trust-list-json';
import { AuditEntry } from '../subgraphs/platform/entities/audit-entry.entity';
import { REVOKED_KEY } from '../subgraphs/documents/seed';
import { type NationalGraph, startNationalGraph } from './support/national-graph';

/** The router's public pages over HTTP: /trust-list.json, and /verify's 400 and 503 answers. */
describe('public pages of the router: /trust-list.json and /verify', () => {
  let graph: NationalGraph;
  let base: string;
  beforeAll(async () => {
    graph = await startNationalGraph({ only: ['documents'] });
    base = graph.router.url.replace(/\/graphql$/, '');
  });
  // Closing the documents subgraph a second time (after the last tests) is harmless.
  afterAll(() => graph?.close());

  describe('with the documents subgraph up', () => {
    it('publishes the trust list as cacheable JSON, the same as the graph answers anonymously', async () => {
      const res = await fetch(`${base}/trust-list.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      const text = await res.text();
      const list = parseTrustList(JSON.parse(text));
      // Already in canonical form: rendering it again gives the same bytes.
      expect(renderTrustListJson(list)).toBe(text);
      expect(list).toMatchObject({ format: 'ur-trust-list', version: 1 });

      const issuers = await graph.query('{ issuers { id keys { keyId publicKey } } }');
      expect(issuers.status).toBe(200);
      const fromGraph = (issuers.body.data?.issuers ?? []) as { id: string; keys: { keyId: string }[] }[];
      expect(fromGraph.length).toBeGreaterThan(0);
      expect(list.issuers.map((i) => i.id)).toEqual(fromGraph.map((i) => i.id).sort());

      const amanat = list.issuers.find((i) => i.id === 'AMANAT');
      expect(amanat?.keys.find((k) => k.keyId === REVOKED_KEY.keyId)).toMatchObject({
        revokedAt: REVOKED_KEY.revokedAt,
        revocationReason: REVOKED_KEY.reason,
      });
      // Public keys only: never a private key field.
      expect(text).not.toContain('"privateKey"');
    });

    it('audits each check made by the /verify page as an anonymous operation', async () => {
      const res = await fetch(`${base}/verify?code=${encodeURIComponent('not a code')}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('data-verdict="NOT_FOUND"');
      await graph.auditWritten();
      const entries = await graph.platformOrm.em
        .fork()
        .find(AuditEntry, { operationName: 'VerifyPageCode' }, { orderBy: { seq: 'asc' } });
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.at(-1)).toMatchObject({
        clientId: null,
        citizenId: null,
        subgraphs: ['documents'],
        outcome: 'OK',
      });
    });

    it('refuses an over-long code or QR payload with a bilingual 400 page, looking nothing up', async () => {
      const before = graph.subgraphs.documents!.stats.requests;
      for (const query of [`code=${'7'.repeat(65)}`, `p=UR1.${'A'.repeat(4096)}`]) {
        const res = await fetch(`${base}/verify?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const html = await res.text();
        expect(html).toContain('<html lang="ar" dir="rtl">');
        expect(html).toContain('تعذّر قبول الطلب');
        expect(html).toContain('The request cannot be accepted');
      }
      expect(graph.subgraphs.documents!.stats.requests).toBe(before);
    });
  });

  describe('with the documents subgraph down', () => {
    beforeAll(async () => {
      await graph.subgraphs.documents!.close();
    });

    it('/verify answers a bilingual 503 page naming SUBGRAPH_UNAVAILABLE', async () => {
      const res = await fetch(`${base}/verify?code=7KQ3-M9XD-2F`);
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('خدمة التحقق غير متاحة حالياً');
      expect(html).toContain('The verification service is unavailable');
      expect(html).toContain('data-error-code="SUBGRAPH_UNAVAILABLE"');
    });

    it('/trust-list.json answers 503 SUBGRAPH_UNAVAILABLE, not cached', async () => {
      const res = await fetch(`${base}/trust-list.json`);
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { errors: { message: string; extensions: unknown }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE' });
      expect(body.errors[0]!.message).toMatch(/^The trust list is unavailable: .*documents.*unavailable/);
    });
  });
});
