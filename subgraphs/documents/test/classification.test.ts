import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphSchemaFrom } from '../../../kit/subgraph/build-subgraph-schema';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { pinNow } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentClassification } from '../entities/enums';
import { documents } from '../subgraph';
import { ALL_READ, confidentialRead, internalRead, secretRead, TEST_NOW } from './callers';

const ANONYMOUS = testCaller([], null);
const DOCUMENT = `query($id: ID!) { document(id: $id) { id classification title content versions { version contentHash content } } }`;
const LIST = `query($filter: DocumentFilter, $after: String) {
  documents(filter: $filter, first: 100, after: $after) { totalCount edges { node { id classification } } pageInfo { hasNextPage endCursor } }
}`;

describe('classified documents', () => {
  let sg: RunningSubgraph;
  const sample: Partial<Record<DocumentClassification, Document>> = {};
  let counts: Record<DocumentClassification, number>;
  beforeAll(async () => {
    pinNow(TEST_NOW);
    sg = await startTestSubgraph(documents);
    const em = sg.orm.em.fork();
    counts = { PUBLIC: 0, INTERNAL: 0, CONFIDENTIAL: 0, SECRET: 0 };
    for (const c of Object.values(DocumentClassification)) {
      counts[c] = await em.count(Document, { classification: c });
      // An ordinary record (several versions for the richer ones): not a signed academic document.
      sample[c] =
        (await em.findOne(Document, { classification: c, signature: null }, { orderBy: { id: 'asc' } })) ??
        undefined;
    }
  });
  afterAll(async () => {
    pinNow(undefined);
    await sg.close();
  });

  const doc = (c: DocumentClassification) => {
    const d = sample[c];
    if (!d) throw new Error(`the seed has no ordinary ${c} document`);
    return d;
  };

  it('seeds every classification', () => {
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
  });

  it('shows anonymous callers PUBLIC documents only, their content included', async () => {
    const list = await callSubgraph(sg.url, LIST, {}, ANONYMOUS);
    expect(list.body.errors).toBeUndefined();
    const data = list.body.data as {
      documents: { totalCount: number; edges: { node: { classification: string } }[] };
    };
    expect(data.documents.totalCount).toBe(counts.PUBLIC);
    expect(new Set(data.documents.edges.map((e) => e.node.classification))).toEqual(new Set(['PUBLIC']));

    const pub = doc(DocumentClassification.PUBLIC);
    const one = await callSubgraph(sg.url, DOCUMENT, { id: pub.id }, ANONYMOUS);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data).toEqual({
      document: {
        id: pub.id,
        classification: 'PUBLIC',
        title: pub.title,
        content: expect.stringContaining(pub.titleEn as string),
        versions: expect.arrayContaining([
          expect.objectContaining({ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
        ]),
      },
    });
  });

  it('lists exactly the levels the caller is cleared for, filtered in SQL (totalCount agrees)', async () => {
    const res = await callSubgraph(sg.url, LIST, {}, testCaller([confidentialRead]));
    expect((res.body.data as { documents: { totalCount: number } }).documents.totalCount).toBe(
      counts.PUBLIC + counts.CONFIDENTIAL,
    );
    const all = await callSubgraph(sg.url, LIST, {}, testCaller(ALL_READ));
    expect((all.body.data as { documents: { totalCount: number } }).documents.totalCount).toBe(
      counts.PUBLIC + counts.INTERNAL + counts.CONFIDENTIAL + counts.SECRET,
    );
  });

  it('answers an empty list, not an error, when a filter asks for a level the caller is not cleared for', async () => {
    const res = await callSubgraph(
      sg.url,
      LIST,
      { filter: { classification: 'SECRET' } },
      testCaller([internalRead]),
    );
    expect(res.body).toEqual({
      data: { documents: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    });
  });

  it.each([
    [DocumentClassification.INTERNAL, internalRead, [confidentialRead, secretRead]],
    [DocumentClassification.CONFIDENTIAL, confidentialRead, [internalRead, secretRead]],
    [DocumentClassification.SECRET, secretRead, [internalRead, confidentialRead]],
  ])(
    'refuses a %s document without its own scope (higher levels do not imply it), naming the scope',
    async (level, scope, others) => {
      const d = doc(level);
      for (const caller of [ANONYMOUS, testCaller(others)]) {
        const res = await callSubgraph(sg.url, DOCUMENT, { id: d.id }, caller);
        expect(res.body).toEqual({
          data: { document: null },
          errors: [
            {
              message: `Document ${d.id} is ${level}: reading it needs scope ${scope}.`,
              locations: expect.any(Array),
              path: ['document'],
              extensions: { code: 'FORBIDDEN', missingScopes: [scope] },
            },
          ],
        });
      }
      const cleared = await callSubgraph(sg.url, DOCUMENT, { id: d.id }, testCaller([scope]));
      expect(cleared.body.errors).toBeUndefined();
      expect(cleared.body.data).toEqual({
        document: expect.objectContaining({ id: d.id, classification: level, content: expect.any(String) }),
      });
    },
  );

  it('applies the same clearance to a document reached from another subgraph (AcademicDocument.document)', async () => {
    const em = sg.orm.em.fork();
    const transcript = await em.findOneOrFail(
      Document,
      { type: 'ACADEMIC_TRANSCRIPT' },
      { orderBy: { id: 'asc' } },
    );
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id title verificationCode } } }`;
    const r = [{ __typename: 'Document', id: transcript.id }];
    const denied = await callSubgraph(sg.url, query, { r }, testCaller([internalRead]));
    expect(denied.body).toEqual({
      data: { _entities: [null] },
      errors: [
        {
          message: `Document ${transcript.id} is CONFIDENTIAL: reading it needs scope documents.confidential:read.`,
          locations: expect.any(Array),
          path: ['_entities', 0],
          extensions: { code: 'FORBIDDEN', missingScopes: [confidentialRead] },
        },
      ],
    });
    const allowed = await callSubgraph(sg.url, query, { r }, testCaller([confidentialRead]));
    expect(allowed.body).toEqual({
      data: {
        _entities: [
          { id: transcript.id, title: transcript.title, verificationCode: transcript.verificationCode },
        ],
      },
    });
  });

  it('answers null for an unknown ID, whatever the clearance', async () => {
    expect((await callSubgraph(sg.url, DOCUMENT, { id: 'DOC-NONE' }, ANONYMOUS)).body).toEqual({
      data: { document: null },
    });
  });

  it('never exposes a private key: the schema has no such field', async () => {
    const sdl = printSubgraphSchema(await buildSubgraphSchemaFrom(documents));
    expect(sdl).not.toMatch(/privateKey/i);
    expect(sdl).toMatch(/type IssuerKey \{[^}]*publicKey: String!/);
  });
});
