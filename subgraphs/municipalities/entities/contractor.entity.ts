import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A contractor as a reference only: the planning subgraph owns contractors (name, classification).
 * Not a table here; this subgraph knows a contractor by its id and adds `municipalProjects`.
 * No descriptions: the owner's (planning) are the ones the supergraph should show.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Contractor {
  @Field(() => ID)
  id!: string;
}

export function contractorRef(id: string): Contractor {
  return Object.assign(new Contractor(), { id });
}
