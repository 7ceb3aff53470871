import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { compileShape } from './compile-shape';
import { shapeResponse } from './shape-response';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Book implements Node {
    id: ID!
    title: String!
    pages: Int
    color: Color
    author: Author
  }
  type Author implements Node {
    id: ID!
    name: String!
    books: [Book!]!
  }
  union Result = Book | Author
  enum Color { RED GREEN }
  type Query {
    book: Book
    requiredBook: Book!
    node: Node
    nodes: [Node]
    search: [Result!]
    books: [Book!]
    strictBooks: [Book!]!
    color: Color
    count: Int
    ratio: Float
    flag: Boolean
    tags: [String]
  }
`);

/** Compiles `query` against the schema and shapes `input` with it. */
function shape(query: string, input: Record<string, unknown>, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION) operation ??= d;
  }
  if (!operation) throw new Error('no operation');
  const result = shapeResponse(input, compileShape(schema, operation, fragments), 'Query', variables);
  return { data: result.data, errors: result.errors.map((e) => e.toJSON()) };
}

/** The response keys of an object, recursively, in order (toEqual ignores key order). */
function keysOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysOf);
  if (value && typeof value === 'object')
    return Object.entries(value).map(([k, v]) => (v && typeof v === 'object' ? { [k]: keysOf(v) } : k));
  return value;
}

describe('shapeResponse', () => {
  it("writes response keys in the operation's order, under their aliases, and drops what was not asked", () => {
    const { data, errors } = shape('{ count b: book { pages t: title id } c2: count }', {
      c2: 4,
      b: { id: '1', t: 'Dune', pages: 412, title: 'not asked', extra: true },
      count: 3,
      requiredBook: { id: '2' },
    });
    expect(errors).toEqual([]);
    expect(data).toEqual({ count: 3, b: { pages: 412, t: 'Dune', id: '1' }, c2: 4 });
    expect(keysOf(data)).toEqual(['count', { b: ['pages', 't', 'id'] }, 'c2']);
  });

  it("answers __typename with the input's own value, else the parent type's name", () => {
    const { data, errors } = shape(
      '{ __typename book { __typename kind: __typename id } node { __typename id } nodes { t: __typename } }',
      {
        book: { id: '1' },
        node: { __typename: 'Author', id: '2' },
        nodes: [{ t: 'Book' }, { __typename: 'Author' }],
      },
    );
    expect(errors).toEqual([]);
    expect(data).toEqual({
      __typename: 'Query',
      book: { __typename: 'Book', kind: 'Book', id: '1' },
      node: { __typename: 'Author', id: '2' },
      nodes: [{ t: 'Book' }, { t: 'Author' }],
    });
  });

  it('applies fragments on interfaces and unions by the runtime __typename only', () => {
    const { data, errors } = shape(
      `{
        nodes { id ... on Book { title } ... on Author { name } ...AuthorBooks }
        search { ... on Node { id } ... on Book { title } }
      }
      fragment AuthorBooks on Author { books { id } }`,
      {
        nodes: [
          { __typename: 'Book', id: '1', title: 'Dune', name: 'not a Book field', books: [] },
          {
            __typename: 'Author',
            id: '2',
            name: 'Herbert',
            title: 'not an Author field',
            books: [{ id: '1' }],
          },
          { id: '3', title: 'no __typename', name: 'no __typename' },
          null,
        ],
        search: [
          { __typename: 'Author', id: '2', title: 'ignored' },
          { __typename: 'Book', id: '1', title: 'Dune' },
        ],
      },
    );
    expect(errors).toEqual([]);
    expect(data).toEqual({
      nodes: [
        { id: '1', title: 'Dune' },
        { id: '2', name: 'Herbert', books: [{ id: '1' }] },
        { id: '3' },
        null,
      ],
      search: [{ id: '2' }, { id: '1', title: 'Dune' }],
    });
  });

  it('honours @skip and @include with literals and variables', () => {
    const query = `query ($s: Boolean!, $i: Boolean!) {
      a: count @skip(if: true)
      b: count @include(if: true)
      c: count @skip(if: $s)
      d: count @include(if: $i)
      e: count @skip(if: false) @include(if: $i)
      book { id ... on Book @include(if: $i) { title } ...Pages @skip(if: $s) }
    }
    fragment Pages on Book { pages }`;
    const input = { a: 1, b: 2, c: 3, d: 4, e: 5, book: { id: '1', title: 'Dune', pages: 412 } };
    expect(shape(query, input, { s: true, i: false })).toEqual({
      data: { b: 2, book: { id: '1' } },
      errors: [],
    });
    expect(shape(query, input, { s: false, i: true })).toEqual({
      data: { b: 2, c: 3, d: 4, e: 5, book: { id: '1', title: 'Dune', pages: 412 } },
      errors: [],
    });
  });

  it('bubbles a null in a non-null field to the nearest nullable parent, with one error', () => {
    expect(shape('{ book { id title } count }', { book: { id: '1', title: null }, count: 1 })).toEqual({
      data: { book: null, count: 1 },
      errors: [
        {
          message: 'Cannot return null for non-nullable field title.',
          path: ['book', 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });

  it('bubbles through non-null fields up to the root', () => {
    expect(
      shape('{ count requiredBook { id title } }', { count: 1, requiredBook: { id: '1', title: null } }),
    ).toEqual({
      data: null,
      errors: [
        {
          message: 'Cannot return null for non-nullable field title.',
          path: ['requiredBook', 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });

  it('bubbles through a non-null list item to the list, or further when the list is non-null', () => {
    expect(
      shape('{ books { id title } count }', {
        books: [
          { id: '1', title: 'Dune' },
          { id: '2', title: null },
        ],
        count: 2,
      }),
    ).toEqual({
      data: { books: null, count: 2 },
      errors: [
        {
          message: 'Cannot return null for non-nullable field title.',
          path: ['books', 1, 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
    expect(shape('{ count strictBooks { id } }', { count: 2, strictBooks: [{ id: '1' }, null] })).toEqual({
      data: null,
      errors: [
        {
          message: 'Cannot return null for non-nullable list element 1 of strictBooks.',
          path: ['strictBooks', 1],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });

  it('reports no error for nulls (or missing values) in nullable positions', () => {
    expect(
      shape('{ book { id } count node { id } nodes { id } tags }', {
        book: null,
        nodes: [null],
        tags: [null, 'a'],
      }),
    ).toEqual({
      data: { book: null, count: null, node: null, nodes: [null], tags: [null, 'a'] },
      errors: [],
    });
  });

  it('nulls an invalid enum, Int or String leaf with an error, bubbling only from non-null positions', () => {
    expect(
      shape('{ color count ratio flag tags book { id color } requiredBook { id title } }', {
        color: 'BLUE',
        count: 1.5,
        ratio: 'NaN',
        flag: 'true',
        tags: ['a', 2],
        book: { id: '1', color: 'RED' },
        requiredBook: { id: '2', title: 42 },
      }),
    ).toEqual({
      data: null,
      errors: [
        {
          message: 'Invalid value found for field color.',
          path: ['color'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Invalid value found for field count.',
          path: ['count'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Invalid value found for field ratio.',
          path: ['ratio'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Invalid value found for field flag.',
          path: ['flag'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Invalid value found for list element 1 of tags.',
          path: ['tags', 1],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Invalid value found for field title.',
          path: ['requiredBook', 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
    expect(
      shape('{ color count book { id title } }', { color: 'GREEN', count: 7, book: { id: 3, title: 42 } }),
    ).toEqual({
      data: { color: 'GREEN', count: 7, book: null },
      errors: [
        {
          message: 'Invalid value found for field title.',
          path: ['book', 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });

  it('reports a list where an object was expected, and an object where a list was expected', () => {
    expect(shape('{ book { id } tags }', { book: [{ id: '1' }], tags: 'a' })).toEqual({
      data: { book: null, tags: null },
      errors: [
        {
          message: 'Expected an object for field book.',
          path: ['book'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
        {
          message: 'Expected a list for field tags.',
          path: ['tags'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });

  it('merges the sub-selections of a field selected twice (directly and through fragments)', () => {
    const { data, errors } = shape(
      `{
        book { id author { name } }
        ... on Query { book { title author { id } } }
        ...MoreBook
        books { id }
        ... on Query { books { title } }
      }
      fragment MoreBook on Query { book { pages author { books { id } } } }`,
      {
        book: {
          id: '1',
          title: 'Dune',
          pages: 412,
          author: { id: '2', name: 'Herbert', books: [{ id: '1' }] },
        },
        books: [
          { id: '1', title: 'Dune' },
          { id: '3', title: 'Emma' },
        ],
      },
    );
    expect(errors).toEqual([]);
    expect(data).toEqual({
      book: {
        id: '1',
        author: { name: 'Herbert', id: '2', books: [{ id: '1' }] },
        title: 'Dune',
        pages: 412,
      },
      books: [
        { id: '1', title: 'Dune' },
        { id: '3', title: 'Emma' },
      ],
    });
    expect(keysOf(data)).toEqual([
      { book: ['id', { author: ['name', 'id', { books: [['id']] }] }, 'title', 'pages'] },
      {
        books: [
          ['id', 'title'],
          ['id', 'title'],
        ],
      },
    ]);
  });

  it('bubbles a null found by a second selection of a field into the object the first one wrote', () => {
    expect(
      shape('{ book { id } ... on Query { book { title } } count }', {
        book: { id: '1', title: null },
        count: 1,
      }),
    ).toEqual({
      data: { book: null, count: 1 },
      errors: [
        {
          message: 'Cannot return null for non-nullable field title.',
          path: ['book', 'title'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ],
    });
  });
});
