import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The identity subgraph's Citizen, as far as higher education knows it: its key. Not a table here;
 * this subgraph adds the citizen's academic documents to it.
 */
@Directive('@key(fields: "nationalId")')
@ObjectType({
  description: 'A citizen (owned by the identity subgraph); higher education adds academic documents.',
})
export class Citizen {
  @Field(() => String, { description: '12-digit national ID number.' })
  nationalId!: string;
}

/** The stub for a stored national ID: no lookup, the router resolves the rest from identity. */
export function citizenStub(nationalId: string): Citizen {
  return Object.assign(new Citizen(), { nationalId });
}
