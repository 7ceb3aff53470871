import { DEMO_UNIVERSITIES, demoAcademicRecords, gradeBand } from '../../../kit/demo/academic-records';
import { demoCitizens } from '../../../kit/demo/citizens';
import type { RunningSubgraph } from '../../../kit/subgraph/start-subgraph';
import { callSubgraph, startTestSubgraph, testCaller } from '../../../kit/testing/subgraph-harness';
import { higherEducation } from '../subgraph';
import { DEGREE_VERIFIER, REGISTRAR, S, subjects } from './support';

const records = demoAcademicRecords();

describe('higher-education subgraph', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startTestSubgraph(higherEducation);
  });
  afterAll(() => sg.close());

  describe('universities (open data)', () => {
    it('lists every public university by name, then the private ones, to an anonymous caller', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ universities { id name nameEn type governorate { code } } }',
        {},
        testCaller([], null),
      );
      const list = res.body.data!.universities as { id: string; type: string }[];
      expect(res.body.errors).toBeUndefined();
      // Open data about no one: nothing for the audit's data tracker.
      expect(res.extensions).toBeUndefined();
      expect(list).toHaveLength(DEMO_UNIVERSITIES.length + 6);
      expect(list.slice(0, DEMO_UNIVERSITIES.length)).toEqual(
        DEMO_UNIVERSITIES.map((u) => ({
          id: u.code,
          name: u.ar,
          nameEn: u.en,
          type: 'PUBLIC',
          governorate: { code: u.governorate },
        })),
      );
      expect(list.slice(DEMO_UNIVERSITIES.length).map((u) => [u.id, u.type])).toEqual(
        ['PUNI-01', 'PUNI-02', 'PUNI-03', 'PUNI-04', 'PUNI-05', 'PUNI-06'].map((id) => [id, 'PRIVATE']),
      );
    });

    it('filters by type and governorate, and refuses an unknown governorate', async () => {
      const q = 'query($f: UniversityFilter) { universities(filter: $f) { id } }';
      const nineveh = await callSubgraph(
        sg.url,
        q,
        { f: { governorate: 'NIN', type: 'PUBLIC' } },
        testCaller([]),
      );
      expect(nineveh.body).toEqual({
        data: { universities: ['UNI-11', 'UNI-12', 'UNI-13', 'UNI-14', 'UNI-15'].map((id) => ({ id })) },
      });
      const najafPrivate = await callSubgraph(
        sg.url,
        q,
        { f: { governorate: 'NJF', type: 'PRIVATE' } },
        testCaller([]),
      );
      expect(najafPrivate.body).toEqual({ data: { universities: [{ id: 'PUNI-04' }, { id: 'PUNI-05' }] } });
      const bad = await callSubgraph(sg.url, q, { f: { governorate: 'XXX' } }, testCaller([]));
      expect(bad.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Unknown governorate "XXX"; use a code such as BGD, BSR or NIN.',
            path: ['universities'],
            locations: expect.any(Array),
            extensions: { code: 'BAD_USER_INPUT', argument: 'filter.governorate' },
          },
        ],
      });
    });

    it('answers a university with its colleges and departments', async () => {
      const res = await callSubgraph(
        sg.url,
        `{ university(id: "PUNI-03") { id name type colleges { id name nameEn university { id }
            departments { id name specialization { code name nameEn } college { id } } } } }`,
        {},
        testCaller([]),
      );
      expect(res.body).toEqual({
        data: {
          university: {
            id: 'PUNI-03',
            name: 'جامعة أهل البيت',
            type: 'PRIVATE',
            colleges: [
              {
                id: 'PUNI-03-ADMECO',
                name: 'كلية الإدارة والاقتصاد',
                nameEn: 'College of Administration and Economics',
                university: { id: 'PUNI-03' },
                departments: [
                  {
                    id: 'PUNI-03-ADMECO-ACCOUNTING',
                    name: 'قسم المحاسبة',
                    specialization: { code: 'ACCOUNTING', name: 'المحاسبة', nameEn: 'Accounting' },
                    college: { id: 'PUNI-03-ADMECO' },
                  },
                  {
                    id: 'PUNI-03-ADMECO-BUS_ADMIN',
                    name: 'قسم إدارة الأعمال',
                    specialization: {
                      code: 'BUS_ADMIN',
                      name: 'إدارة الأعمال',
                      nameEn: 'Business Administration',
                    },
                    college: { id: 'PUNI-03-ADMECO' },
                  },
                ],
              },
              {
                id: 'PUNI-03-LAW',
                name: 'كلية القانون',
                nameEn: 'College of Law',
                university: { id: 'PUNI-03' },
                departments: [
                  {
                    id: 'PUNI-03-LAW-LAW',
                    name: 'قسم القانون',
                    specialization: { code: 'LAW', name: 'القانون', nameEn: 'Law' },
                    college: { id: 'PUNI-03-LAW' },
                  },
                ],
              },
              {
                id: 'PUNI-03-PHARM',
                name: 'كلية الصيدلة',
                nameEn: 'College of Pharmacy',
                university: { id: 'PUNI-03' },
                departments: [
                  {
                    id: 'PUNI-03-PHARM-PHARMACY',
                    name: 'فرع الصيدلانيات',
                    specialization: { code: 'PHARMACY', name: 'الصيدلة', nameEn: 'Pharmacy' },
                    college: { id: 'PUNI-03-PHARM' },
                  },
                ],
              },
            ],
          },
        },
      });
      const none = await callSubgraph(sg.url, '{ university(id: "UNI-99") { id } }', {}, testCaller([]));
      expect(none.body).toEqual({ data: { university: null } });
    });
  });

  describe('academic documents', () => {
    const full = `query($id: ID!) { academicDocument(id: $id) {
      id kind graduationYear gradeAverage gradeBand { ar en } serialNumber issuedAt signingKeyGeneration status
      revokedAt revocationReason holder { nationalId } specialization { code name nameEn } document { id }
      university { id name } department { id college { id } }
    } }`;

    it('answers every seeded record exactly as the shared demo data has it', async () => {
      const r = records.find((x) => x.revoked && x.kind === 'MASTER')!;
      const res = await callSubgraph(sg.url, full, { id: r.id }, REGISTRAR);
      const university = DEMO_UNIVERSITIES.find((u) => u.code === r.universityCode)!;
      expect(res.body).toEqual({
        data: {
          academicDocument: {
            id: r.id,
            kind: 'MASTER',
            graduationYear: r.graduationYear,
            gradeAverage: r.gradeAverage,
            gradeBand: gradeBand(r.gradeAverage),
            serialNumber: r.serialNumber,
            issuedAt: r.issuedAt,
            signingKeyGeneration: r.keyGeneration,
            status: 'REVOKED',
            revokedAt: `${r.revoked!.at}T00:00:00.000Z`,
            revocationReason: r.revoked!.reason,
            holder: { nationalId: r.holderNationalId },
            specialization: {
              code: r.specialization.code,
              name: r.specialization.ar,
              nameEn: r.specialization.en,
            },
            document: { id: r.documentId },
            university: { id: university.code, name: university.ar },
            department: {
              id: expect.stringMatching(new RegExp(`^${r.universityCode}-[A-Z]+-${r.specialization.code}$`)),
              college: { id: expect.stringMatching(new RegExp(`^${r.universityCode}-[A-Z]+$`)) },
            },
          },
        },
      });
      expect(res.extensions).toEqual(subjects([r.holderNationalId]));
      const count = await callSubgraph(sg.url, '{ academicDocuments { totalCount } }', {}, REGISTRAR);
      expect(count.body).toEqual({ data: { academicDocuments: { totalCount: records.length } } });
      expect(records.length).toBeGreaterThan(2000);
    });

    it('refuses the grade without the grade scope: null with FORBIDDEN, the rest intact', async () => {
      const r = records[2]!;
      const res = await callSubgraph(
        sg.url,
        'query($id: ID!) { academicDocument(id: $id) { id serialNumber gradeAverage gradeBand { en } } }',
        { id: r.id },
        DEGREE_VERIFIER,
      );
      expect(res.body).toEqual({
        data: {
          academicDocument: { id: r.id, serialNumber: r.serialNumber, gradeAverage: null, gradeBand: null },
        },
        errors: [
          {
            message: 'AcademicDocument.gradeAverage needs scope highered.document.grade:read.',
            path: ['academicDocument', 'gradeAverage'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.documentGradeRead] },
          },
          {
            message: 'AcademicDocument.gradeBand needs scope highered.document.grade:read.',
            path: ['academicDocument', 'gradeBand'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.documentGradeRead] },
          },
        ],
      });
      expect(res.extensions).toEqual(subjects([r.holderNationalId]));
    });

    it('refuses the documents to a caller without the document scope', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ academicDocuments { totalCount } }',
        {},
        testCaller([S.admissionRead]),
      );
      expect(res.body).toEqual({
        data: { academicDocuments: null },
        errors: [
          {
            message: 'Query.academicDocuments needs scope highered.document:read.',
            path: ['academicDocuments'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.documentRead] },
          },
        ],
      });
    });

    it('refuses personal data to a client that declared no purpose, even with the scope', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ academicDocument(id: "AD-000001") { id } academicDocuments { totalCount } }',
        {},
        { ...DEGREE_VERIFIER, purpose: null },
      );
      expect(res.body).toEqual({
        // The list is personal data too (it can be filtered by holder), so both are refused.
        data: { academicDocument: null, academicDocuments: null },
        errors: [
          {
            message: 'Query.academicDocument needs a declared purpose (ur-purpose header) for personal data.',
            path: ['academicDocument'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [], missingPolicies: ['personal-data'] },
          },
          {
            message:
              'Query.academicDocuments needs a declared purpose (ur-purpose header) for personal data.',
            path: ['academicDocuments'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [], missingPolicies: ['personal-data'] },
          },
        ],
      });
    });

    it('filters by holder, university, kind, specialization, year and status', async () => {
      const q = `query($f: AcademicDocumentFilter) { academicDocuments(filter: $f, first: 100) { totalCount edges { node { id } } } }`;
      const holder = records[0]!.holderNationalId;
      const cases: [Record<string, unknown>, (r: (typeof records)[number]) => boolean][] = [
        [{ holderNationalId: holder }, (r) => r.holderNationalId === holder],
        [
          { universityCode: 'UNI-01', kind: 'MASTER' },
          (r) => r.universityCode === 'UNI-01' && r.kind === 'MASTER',
        ],
        [
          { specializationCode: 'LAW', graduationYear: 2010 },
          (r) => r.specialization.code === 'LAW' && r.graduationYear === 2010,
        ],
        [{ status: 'REVOKED' }, (r) => r.revoked !== null],
      ];
      for (const [f, test] of cases) {
        const expected = records.filter(test);
        const res = await callSubgraph(sg.url, q, { f }, DEGREE_VERIFIER);
        expect(res.body).toEqual({
          data: {
            academicDocuments: {
              totalCount: expected.length,
              edges: expected.slice(0, 100).map((r) => ({ node: { id: r.id } })),
            },
          },
        });
        expect(res.extensions).toEqual(subjects(expected.slice(0, 100).map((r) => r.holderNationalId)));
        expect(expected.length).toBeGreaterThan(0);
      }
    });

    it('refuses a malformed holder or an unknown specialization in the filter', async () => {
      const q = `query($f: AcademicDocumentFilter) { academicDocuments(filter: $f) { totalCount } }`;
      const badId = await callSubgraph(
        sg.url,
        q,
        { f: { holderNationalId: '123456789012' } },
        DEGREE_VERIFIER,
      );
      expect(badId.body).toEqual({
        data: { academicDocuments: null },
        errors: [
          {
            message: '"123456789012" is not a valid national ID: its check digit is wrong.',
            path: ['academicDocuments'],
            locations: expect.any(Array),
            extensions: { code: 'INVALID_NATIONAL_ID', argument: 'filter.holderNationalId' },
          },
        ],
      });
      const badSpec = await callSubgraph(
        sg.url,
        q,
        { f: { specializationCode: 'ASTROLOGY' } },
        DEGREE_VERIFIER,
      );
      expect(badSpec.body.errors).toEqual([
        {
          message: expect.stringMatching(
            /^Unknown specialization "ASTROLOGY"; use one of CIVIL_ENG, ELEC_ENG, /,
          ),
          path: ['academicDocuments'],
          locations: expect.any(Array),
          extensions: { code: 'BAD_USER_INPUT', argument: 'filter.specializationCode' },
        },
      ]);
    });
  });

  describe('pagination', () => {
    const q = `query($first: Int, $after: String) { academicDocuments(first: $first, after: $after) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }`;

    it('walks the whole list in pages of at most 100, in ID order, one SQL query per page', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        sg.stats.sql = 0;
        const res = await callSubgraph(sg.url, q, { first: 100, after }, DEGREE_VERIFIER);
        expect(sg.stats.sql).toBe(1);
        const page = res.body.data!.academicDocuments as {
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
          edges: { node: { id: string } }[];
        };
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((e) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(records.length / 100));
      expect(seen).toEqual(records.map((r) => r.id));
    });

    it('answers the default page of 20 and an empty page of 0', async () => {
      const res = await callSubgraph(
        sg.url,
        '{ academicDocuments { edges { node { id } } } }',
        {},
        DEGREE_VERIFIER,
      );
      expect(res.body).toEqual({
        data: { academicDocuments: { edges: records.slice(0, 20).map((r) => ({ node: { id: r.id } })) } },
      });
      expect(res.extensions).toEqual(subjects(records.slice(0, 20).map((r) => r.holderNationalId)));
      const zero = await callSubgraph(sg.url, q, { first: 0 }, DEGREE_VERIFIER);
      expect(zero.body).toEqual({
        data: {
          academicDocuments: {
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
            edges: [],
          },
        },
      });
    });

    it('refuses a page above 100, a negative size and a foreign cursor', async () => {
      const tooMany = await callSubgraph(sg.url, q, { first: 101 }, DEGREE_VERIFIER);
      expect(tooMany.body).toEqual({
        data: { academicDocuments: null },
        errors: [
          {
            message: '`first` may be at most 100; got 101. Page with `after`.',
            path: ['academicDocuments'],
            locations: expect.any(Array),
            extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
          },
        ],
      });
      const negative = await callSubgraph(sg.url, q, { first: -1 }, DEGREE_VERIFIER);
      expect(negative.body.errors).toEqual([
        {
          message: '`first` must be zero or a positive whole number.',
          path: ['academicDocuments'],
          locations: expect.any(Array),
          extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
        },
      ]);
      const cursor = await callSubgraph(sg.url, q, { first: 5, after: 'bm90LWEtY3Vyc29y' }, DEGREE_VERIFIER);
      expect(cursor.body.errors).toEqual([
        {
          message: 'Cursor "bm90LWEtY3Vyc29y" was not issued by this list; pass pageInfo.endCursor.',
          path: ['academicDocuments'],
          locations: expect.any(Array),
          extensions: { code: 'INVALID_CURSOR', argument: 'after' },
        },
      ]);
    });
  });

  describe('through _entities (as the router asks)', () => {
    const citizens = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Citizen { nationalId academicDocuments { id serialNumber university { id } } }
    } }`;
    const reps = (ids: string[]) => ids.map((nationalId) => ({ __typename: 'Citizen', nationalId }));
    const holders = [...new Set(records.map((r) => r.holderNationalId))];
    const expectedFor = (id: string) => ({
      nationalId: id,
      academicDocuments: records
        .filter((r) => r.holderNationalId === id)
        .map((r) => ({ id: r.id, serialNumber: r.serialNumber, university: { id: r.universityCode } })),
    });

    it('answers each citizen’s documents, empty for a citizen without any', async () => {
      const without = demoCitizens().find((c) => !holders.includes(c.nationalId))!;
      const res = await callSubgraph(
        sg.url,
        citizens,
        { r: reps([holders[0]!, without.nationalId]) },
        DEGREE_VERIFIER,
      );
      expect(res.body).toEqual({
        data: {
          _entities: [expectedFor(holders[0]!), { nationalId: without.nationalId, academicDocuments: [] }],
        },
      });
      expect(res.extensions).toEqual(subjects([holders[0]!, without.nationalId]));
    });

    it('costs the same SQL for 1, 10 and 100 citizens (one batched query per relation)', async () => {
      const costs: number[] = [];
      for (const n of [1, 10, 100]) {
        const ids = holders.slice(0, n);
        sg.stats.sql = 0;
        const res = await callSubgraph(sg.url, citizens, { r: reps(ids) }, DEGREE_VERIFIER);
        costs.push(sg.stats.sql);
        expect(res.body).toEqual({ data: { _entities: ids.map(expectedFor) } });
        expect(res.extensions).toEqual(subjects(ids));
      }
      expect(costs).toEqual([2, 2, 2]);
    });

    it('refuses Citizen.academicDocuments without the document scope', async () => {
      const res = await callSubgraph(
        sg.url,
        citizens,
        { r: reps([holders[0]!]) },
        testCaller([S.admissionRead]),
      );
      expect(res.body).toEqual({
        data: { _entities: [{ nationalId: holders[0]!, academicDocuments: null }] },
        errors: [
          {
            message: 'Citizen.academicDocuments needs scope highered.document:read.',
            path: ['_entities', 0, 'academicDocuments'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN', missingScopes: [S.documentRead] },
          },
        ],
      });
      // The national ID was answered (the key), the documents were not.
      expect(res.extensions).toEqual(subjects([holders[0]!]));
    });

    it('resolves owned entities by key, and the Document stub without SQL', async () => {
      const r = records[10]!;
      sg.stats.sql = 0;
      const res = await callSubgraph(
        sg.url,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on AcademicDocument { id document { id } holder { nationalId } }
          ... on University { id nameEn }
          ... on PostgraduateProgram { id nameEn }
        } }`,
        {
          r: [
            { __typename: 'AcademicDocument', id: r.id },
            { __typename: 'AcademicDocument', id: 'AD-999999' },
            { __typename: 'University', id: 'UNI-01' },
            { __typename: 'PostgraduateProgram', id: 'PGP-001' },
          ],
        },
        REGISTRAR,
      );
      expect(res.body).toEqual({
        data: {
          _entities: [
            { id: r.id, document: { id: r.documentId }, holder: { nationalId: r.holderNationalId } },
            null,
            { id: 'UNI-01', nameEn: 'University of Baghdad' },
            { id: 'PGP-001', nameEn: 'Master in Civil Engineering' },
          ],
        },
      });
      expect(res.extensions).toEqual(subjects([r.holderNationalId]));
      // One query per entity type, none for the document or holder stubs.
      expect(sg.stats.sql).toBe(3);
    });
  });
});
