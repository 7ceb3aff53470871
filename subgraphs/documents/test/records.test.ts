import { createHash } from 'node:crypto';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { pinNow } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentVersion } from '../entities/document-version.entity';
import { RecordRegisterCounter } from '../entities/record-register-counter.entity';
import { MAX_CONTENT_BYTES } from '../rules/content.rules';
import { documents } from '../subgraph';
import { ALL_READ, callerOf, internalRead, retentionRead, TEST_NOW, write } from './callers';

const CLERK = testCaller([write, ...ALL_READ]);
const UPLOAD = `mutation($input: UploadDocumentInput!) {
  uploadDocument(input: $input) {
    id title titleEn type language classification issuingAgency registeredNumber createdAt currentVersion status secured
    verificationCode qrPayload content latestVersion { id version contentHash size mediaType createdBy }
  }
}`;
const ADD_VERSION = `mutation($id: ID!, $input: DocumentContentInput!) {
  addDocumentVersion(id: $id, input: $input) { id currentVersion content versions { version contentHash size } }
}`;
const REGISTER = `mutation($id: ID!) { registerDocument(id: $id) { id registeredNumber } }`;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const TEXT = 'محضر اجتماع لجنة تبادل البيانات — Minutes of the data exchange committee';
const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'محضر اجتماع لجنة تبادل البيانات',
  titleEn: 'Minutes of the data exchange committee',
  type: 'MEETING_MINUTES',
  language: 'AR_EN',
  classification: 'INTERNAL',
  mediaType: 'text/plain; charset=utf-8',
  contentBase64: b64(TEXT),
  ...overrides,
});

describe('document store and records register', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    pinNow(TEST_NOW);
    sg = await startTestSubgraph(documents);
  });
  afterAll(async () => {
    pinNow(undefined);
    await sg.close();
  });

  /** Every table a write could touch. */
  const snapshot = async () => {
    const em = sg.orm.em.fork();
    return {
      documents: await em.count(Document),
      versions: await em.count(DocumentVersion),
      counters: await em.find(RecordRegisterCounter, {}, { orderBy: { agencyCode: 'asc', year: 'asc' } }),
    };
  };
  const upload = async (overrides: Record<string, unknown> = {}) => {
    const res = await callSubgraph(sg.url, UPLOAD, { input: input(overrides) }, CLERK);
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { uploadDocument: { id: string } }).uploadDocument;
  };

  describe('upload', () => {
    it('stores the content with its SHA-256 computed by the store, for the caller’s agency', async () => {
      const res = await callSubgraph(sg.url, UPLOAD, { input: input() }, CLERK);
      expect(res.body).toEqual({
        data: {
          uploadDocument: {
            id: expect.stringMatching(/^DOC-[0-9a-f-]{36}$/),
            title: 'محضر اجتماع لجنة تبادل البيانات',
            titleEn: 'Minutes of the data exchange committee',
            type: 'MEETING_MINUTES',
            language: 'AR_EN',
            classification: 'INTERNAL',
            issuingAgency: 'NDC',
            registeredNumber: null,
            createdAt: TEST_NOW,
            currentVersion: 1,
            status: 'ACTIVE',
            secured: false,
            verificationCode: null,
            qrPayload: null,
            content: TEXT,
            latestVersion: {
              id: expect.stringMatching(/^DOC-.*\/v1$/),
              version: 1,
              contentHash: sha256(TEXT),
              size: Buffer.byteLength(TEXT),
              mediaType: 'text/plain; charset=utf-8',
              createdBy: 'test-client',
            },
          },
        },
      });
    });

    it('refuses content over 1 MiB with the limit, and stores nothing', async () => {
      const before = await snapshot();
      const big = Buffer.alloc(MAX_CONTENT_BYTES + 1, 1).toString('base64');
      const res = await callSubgraph(
        sg.url,
        UPLOAD,
        { input: input({ contentBase64: big, mediaType: 'application/pdf' }) },
        CLERK,
      );
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: `The content is ${MAX_CONTENT_BYTES + 1} bytes; at most ${MAX_CONTENT_BYTES} bytes (1 MiB) are accepted.`,
            locations: expect.any(Array),
            path: ['uploadDocument'],
            extensions: {
              code: 'BAD_USER_INPUT',
              argument: 'input.contentBase64',
              maximumBytes: MAX_CONTENT_BYTES,
              actualBytes: MAX_CONTENT_BYTES + 1,
            },
          },
        ],
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a document type with no retention rule, naming the types that have one, and stores nothing', async () => {
      const before = await snapshot();
      const res = await callSubgraph(sg.url, UPLOAD, { input: input({ type: 'MEMO' }) }, CLERK);
      const known = [
        'ACADEMIC_DEGREE',
        'ACADEMIC_TRANSCRIPT',
        'ADMINISTRATIVE_ORDER',
        'BUILDING_PERMIT',
        'CIRCULAR',
        'CONTRACT',
        'CORRESPONDENCE',
        'FINANCIAL_VOUCHER',
        'MEETING_MINUTES',
        'PROPERTY_DEED',
        'TECHNICAL_REPORT',
      ];
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: `Document type "MEMO" has no retention rule, so it cannot be stored; types with a rule: ${known.join(', ')}.`,
            locations: expect.any(Array),
            path: ['uploadDocument'],
            extensions: { code: 'BAD_USER_INPUT', argument: 'input.type', knownTypes: known },
          },
        ],
      });
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      [
        { contentBase64: 'not base64!' },
        'input.contentBase64 must be non-empty standard base64.',
        'input.contentBase64',
      ],
      [
        { contentBase64: '' },
        'input.contentBase64 must be non-empty standard base64.',
        'input.contentBase64',
      ],
      [{ title: '   ' }, 'input.title must be 1 to 300 characters.', 'input.title'],
      [
        { mediaType: 'pdf' },
        '"pdf" is not a media type; use e.g. application/pdf or text/plain; charset=utf-8.',
        'input.mediaType',
      ],
    ])('refuses %j and stores nothing', async (bad, message, argument) => {
      const before = await snapshot();
      const res = await callSubgraph(sg.url, UPLOAD, { input: input(bad) }, CLERK);
      expect(res.body.errors).toEqual([
        {
          message,
          locations: expect.any(Array),
          path: ['uploadDocument'],
          extensions: { code: 'BAD_USER_INPUT', argument },
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('needs documents:write (the subgraph’s own shield, as the router would)', async () => {
      const res = await callSubgraph(sg.url, UPLOAD, { input: input() }, testCaller([internalRead]));
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Mutation.uploadDocument needs scope documents:write.',
            locations: expect.any(Array),
            path: ['uploadDocument'],
            extensions: { code: 'FORBIDDEN', missingScopes: [write] },
          },
        ],
      });
    });
  });

  describe('versions', () => {
    it('adds the next version with its own hash; earlier versions stay as they were', async () => {
      const { id } = await upload();
      const res = await callSubgraph(
        sg.url,
        ADD_VERSION,
        { id, input: { contentBase64: b64('النسخة الثانية'), mediaType: 'text/plain; charset=utf-8' } },
        CLERK,
      );
      expect(res.body).toEqual({
        data: {
          addDocumentVersion: {
            id,
            currentVersion: 2,
            content: 'النسخة الثانية',
            versions: [
              { version: 1, contentHash: sha256(TEXT), size: Buffer.byteLength(TEXT) },
              {
                version: 2,
                contentHash: sha256('النسخة الثانية'),
                size: Buffer.byteLength('النسخة الثانية'),
              },
            ],
          },
        },
      });
    });

    it('lets only the issuing agency add versions', async () => {
      const { id } = await upload();
      const before = await snapshot();
      const res = await callSubgraph(
        sg.url,
        ADD_VERSION,
        { id, input: { contentBase64: b64('x'), mediaType: 'text/plain' } },
        callerOf('MOH', [write, internalRead]),
      );
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: `Only NDC, the issuing agency of document ${id}, can add a version to it.`,
            locations: expect.any(Array),
            path: ['addDocumentVersion'],
            extensions: { code: 'FORBIDDEN', issuingAgency: 'NDC' },
          },
        ],
      });
      expect(await snapshot()).toEqual(before);
    });

    it('never changes a signed document', async () => {
      const em = sg.orm.em.fork();
      const permit = await em.findOneOrFail(
        Document,
        { type: 'BUILDING_PERMIT' },
        { orderBy: { id: 'asc' } },
      );
      const res = await callSubgraph(
        sg.url,
        ADD_VERSION,
        { id: permit.id, input: { contentBase64: b64('x'), mediaType: 'text/plain' } },
        callerOf('AMANAT', [write]),
      );
      expect(res.body.errors).toEqual([
        {
          message: `Document ${permit.id} is signed (secured): it cannot change. Issue a new secured document instead.`,
          locations: expect.any(Array),
          path: ['addDocumentVersion'],
          extensions: { code: 'INVALID_STATE_TRANSITION', from: 'SECURED' },
        },
      ]);
    });

    it('answers NOT_FOUND for an unknown document', async () => {
      const res = await callSubgraph(sg.url, REGISTER, { id: 'DOC-NONE' }, CLERK);
      expect(res.body.errors).toEqual([
        {
          message: 'No document has ID "DOC-NONE".',
          locations: expect.any(Array),
          path: ['registerDocument'],
          extensions: { code: 'NOT_FOUND', argument: 'id' },
        },
      ]);
    });
  });

  describe('records register', () => {
    it('gives the next number of the agency’s sequence for the year, once', async () => {
      const em = sg.orm.em.fork();
      const counter = await em.findOne(RecordRegisterCounter, { agencyCode: 'NDC', year: 2026 });
      const last = counter?.lastNumber ?? 0;
      const { id } = await upload();
      const res = await callSubgraph(sg.url, REGISTER, { id }, CLERK);
      const expected = `NDC/2026/${String(last + 1).padStart(6, '0')}`;
      expect(res.body).toEqual({ data: { registerDocument: { id, registeredNumber: expected } } });

      const again = await callSubgraph(sg.url, REGISTER, { id }, CLERK);
      expect(again.body.errors).toEqual([
        {
          message: `Document ${id} is already registered as ${expected}.`,
          locations: expect.any(Array),
          path: ['registerDocument'],
          extensions: { code: 'INVALID_STATE_TRANSITION', registeredNumber: expected },
        },
      ]);
      const stored = await sg.orm.em.fork().findOneOrFail(Document, { id });
      expect(stored.registeredNumber).toBe(expected);
    });

    it('never gives a number twice, even to registrations made at the same time', async () => {
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push((await upload()).id);
      const before = (
        await sg.orm.em.fork().findOneOrFail(RecordRegisterCounter, { agencyCode: 'NDC', year: 2026 })
      ).lastNumber;
      const results = await Promise.all(ids.map((id) => callSubgraph(sg.url, REGISTER, { id }, CLERK)));
      const numbers = results.map(
        (r) =>
          (r.body.data as { registerDocument: { registeredNumber: string } }).registerDocument
            .registeredNumber,
      );
      expect(numbers.sort()).toEqual(
        Array.from({ length: 6 }, (_, i) => `NDC/2026/${String(before + i + 1).padStart(6, '0')}`),
      );
    });

    it('starts a new sequence for an agency’s first registration of the year', async () => {
      // The Ministry of Labour has no seeded records.
      const molsa = callerOf('MOLSA', [write, internalRead]);
      expect(await sg.orm.em.fork().count(RecordRegisterCounter, { agencyCode: 'MOLSA' })).toBe(0);
      const res = await callSubgraph(sg.url, UPLOAD, { input: input() }, molsa);
      const { id } = (res.body.data as { uploadDocument: { id: string } }).uploadDocument;
      const reg = await callSubgraph(sg.url, REGISTER, { id }, molsa);
      expect(reg.body).toEqual({ data: { registerDocument: { id, registeredNumber: 'MOLSA/2026/000001' } } });
    });

    it('lets only the issuing agency register its documents', async () => {
      const { id } = await upload();
      const res = await callSubgraph(sg.url, REGISTER, { id }, callerOf('MOH', [write, internalRead]));
      expect(res.body.errors).toEqual([
        {
          message: `Only NDC, the issuing agency of document ${id}, can register it.`,
          locations: expect.any(Array),
          path: ['registerDocument'],
          extensions: { code: 'FORBIDDEN', issuingAgency: 'NDC' },
        },
      ]);
    });
  });

  describe('retention', () => {
    const REPORT = `query($asOf: String, $after: String) {
      dispositionReport(asOf: $asOf, first: 100, after: $after) {
        totalCount
        edges { node { documentId type classification issuingAgency registeredNumber title createdAt dueAt retainYears disposition } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Item = {
      documentId: string;
      type: string;
      classification: string;
      title: string | null;
      createdAt: string;
      dueAt: string;
      retainYears: number;
      disposition: string;
    };
    const all = async (asOf: string, scopes: string[]) => {
      const items: Item[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const res = await callSubgraph(sg.url, REPORT, { asOf, after }, testCaller(scopes));
        expect(res.body.errors).toBeUndefined();
        const page = (
          res.body.data as {
            dispositionReport: {
              totalCount: number;
              edges: { node: Item }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          }
        ).dispositionReport;
        total = page.totalCount;
        items.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(items).toHaveLength(total);
      return items;
    };

    it('lists what is due for destruction or transfer, and nothing that is not', async () => {
      const asOf = '2026-11-01';
      const items = await all(asOf, [retentionRead, ...ALL_READ]);
      expect(items.length).toBeGreaterThan(20);
      for (const item of items) {
        expect(item.dueAt <= asOf).toBe(true);
        expect(Number(item.dueAt.slice(0, 4)) - Number(item.createdAt.slice(0, 4))).toBe(item.retainYears);
      }
      expect(new Set(items.map((i) => i.disposition))).toEqual(new Set(['DESTROY', 'TRANSFER_TO_ARCHIVE']));
      // Degrees from the early 1970s go to the archive after 50 years; none later than 1976.
      const academic = items.filter((i) => i.type.startsWith('ACADEMIC_'));
      expect(academic.length).toBeGreaterThan(0);
      expect(
        academic.every((i) => i.disposition === 'TRANSFER_TO_ARCHIVE' && i.createdAt < '1976-11-02'),
      ).toBe(true);

      // Everything else in the store is not yet due.
      const due = new Set(items.map((i) => i.documentId));
      const em = sg.orm.em.fork();
      const rest = await em.find(Document, { id: { $nin: [...due] }, type: 'CORRESPONDENCE' });
      expect(rest.every((d) => d.createdAt.slice(0, 10) > '2021-11-01')).toBe(true);
    });

    it('shows titles only of documents the officer is cleared for', async () => {
      const items = await all('2026-11-01', [retentionRead]);
      expect(items.some((i) => i.classification === 'PUBLIC' && i.title !== null)).toBe(true);
      expect(items.filter((i) => i.classification !== 'PUBLIC').every((i) => i.title === null)).toBe(true);
    });

    it('needs documents.retention:read, and a date', async () => {
      const denied = await callSubgraph(sg.url, REPORT, { asOf: '2026-11-01' }, testCaller(ALL_READ));
      expect(denied.body).toEqual({
        data: { dispositionReport: null },
        errors: [
          {
            message: 'Query.dispositionReport needs scope documents.retention:read.',
            locations: expect.any(Array),
            path: ['dispositionReport'],
            extensions: { code: 'FORBIDDEN', missingScopes: [retentionRead] },
          },
        ],
      });
      const bad = await callSubgraph(sg.url, REPORT, { asOf: '01/11/2026' }, testCaller([retentionRead]));
      expect(bad.body.errors).toEqual([
        {
          message: 'asOf must be a date, YYYY-MM-DD; got "01/11/2026".',
          locations: expect.any(Array),
          path: ['dispositionReport'],
          extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
        },
      ]);
    });

    it('publishes the schedule to anyone', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ retentionRules { documentType name nameEn retainYears disposition } }',
        {},
        testCaller([], null),
      );
      expect((res.body.data as { retentionRules: unknown[] }).retentionRules).toContainEqual({
        documentType: 'CORRESPONDENCE',
        name: 'مراسلات رسمية',
        nameEn: 'Official correspondence',
        retainYears: 5,
        disposition: 'DESTROY',
      });
    });
  });
});
