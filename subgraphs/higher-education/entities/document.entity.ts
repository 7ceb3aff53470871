import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The documents subgraph's secured Document, as far as higher education knows it: its key. Not a
 * table here and not resolvable here; the router fetches its content, signatures and verification
 * from the documents subgraph.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'A secured document (owned by the documents subgraph).' })
export class Document {
  @Field(() => ID, { description: 'Document ID, e.g. DOC-000001.' })
  id!: string;
}

/** The stub for a stored document ID: no SQL, no lookup. */
export function documentStub(id: string): Document {
  return Object.assign(new Document(), { id });
}
