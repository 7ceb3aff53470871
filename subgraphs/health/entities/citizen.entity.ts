import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The identity subgraph's Citizen, as far as health knows it: its key. Not a table here; health
 * adds the citizen's disability records and committee decisions to it. No description: the
 * supergraph takes identity's.
 */
@Directive('@key(fields: "nationalId")')
@ObjectType()
export class Citizen {
  @Field(() => String, { description: '12-digit national ID number.' })
  nationalId!: string;
}

/** The stub for a stored national ID: no lookup, the router resolves the rest from identity. */
export function citizenStub(nationalId: string): Citizen {
  return Object.assign(new Citizen(), { nationalId });
}
