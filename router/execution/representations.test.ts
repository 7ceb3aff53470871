import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { buildSchema } from 'graphql';
import { compileRepresentation } from './representations';

const supergraph = buildSchema(`
  interface Media { id: ID! }
  type Book implements Media { id: ID! isbn: String tags: [String] author: Author editions: [Edition] }
  type Film implements Media { id: ID! }
  type Author { id: ID! name: String }
  type Edition { year: Int publisher: String }
  type Query { media: [Media] }
`);

const field = (
  name: string,
  selections?: QueryPlanSelectionNode[],
  alias?: string,
): QueryPlanSelectionNode => ({
  kind: 'Field',
  name,
  ...(alias ? { alias } : {}),
  ...(selections ? { selections } : {}),
});
const on = (typeCondition: string, selections: QueryPlanSelectionNode[]): QueryPlanSelectionNode => ({
  kind: 'InlineFragment',
  typeCondition,
  selections,
});

describe('compileRepresentation', () => {
  const bookKey = compileRepresentation(supergraph, [
    on('Book', [
      field('__typename'),
      field('id'),
      field('author', [field('id')]),
      field('tags'),
      field('editions', [field('year')]),
    ]),
  ]);

  it("takes the key and required fields of an entity of the fragment's type, nothing else", () => {
    expect(
      bookKey({
        __typename: 'Book',
        id: '1',
        isbn: 'not required',
        author: { id: 'a', name: 'not required' },
        tags: ['x', 'y'],
        editions: [{ year: 1965, publisher: 'not required' }, null],
      }),
    ).toEqual({
      __typename: 'Book',
      id: '1',
      author: { id: 'a' },
      tags: ['x', 'y'],
      editions: [{ year: 1965 }, null],
    });
  });

  it('keeps nulls of nested fields, and gives no representation when a required field is missing', () => {
    expect(bookKey({ __typename: 'Book', id: '1', author: null, tags: null, editions: null })).toEqual({
      __typename: 'Book',
      id: '1',
      author: null,
      tags: null,
      editions: null,
    });
    // Inside a type condition the fragment gives nothing (no __typename: executePlan sends nothing).
    expect(bookKey({ __typename: 'Book', id: '1', tags: [], editions: [] })).toEqual({});
    const plainKey = compileRepresentation(supergraph, [field('__typename'), field('id')]);
    expect(plainKey({ __typename: 'Book' })).toBeNull();
    expect(plainKey({ __typename: 'Book', id: '1', isbn: 'x' })).toEqual({ __typename: 'Book', id: '1' });
    expect(bookKey(null as unknown as Record<string, unknown>)).toBeNull();
  });

  it('gives no fields for an entity of another type or without __typename', () => {
    expect(bookKey({ __typename: 'Film', id: '2' })).toEqual({});
    expect(bookKey({ id: '1', author: { id: 'a' }, tags: [], editions: [] })).toEqual({});
  });

  it('applies a fragment on an interface to its implementations, and reads aliases', () => {
    const mediaKey = compileRepresentation(supergraph, [
      on('Media', [field('__typename'), field('id', undefined, 'key')]),
    ]);
    expect(mediaKey({ __typename: 'Film', key: '2', id: 'not the alias' })).toEqual({
      __typename: 'Film',
      key: '2',
    });
    expect(mediaKey({ __typename: 'Book', key: '1' })).toEqual({ __typename: 'Book', key: '1' });
    expect(mediaKey({ __typename: 'Author', key: 'a' })).toEqual({});
  });
});
