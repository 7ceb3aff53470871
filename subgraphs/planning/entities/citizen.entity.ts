import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A citizen as a reference into identity's registry (not a table here): planning only knows the
 * national ID of a contractor's owner, and adds `Citizen.contractors` to identity's citizen.
 */
@Directive('@key(fields: "nationalId")')
// No description: identity's is the citizen's description in the supergraph.
@ObjectType()
export class Citizen {
  @Field(() => String, { description: '12-digit national ID number.' })
  nationalId!: string;

  static of(nationalId: string): Citizen {
    return Object.assign(new Citizen(), { nationalId });
  }
}
