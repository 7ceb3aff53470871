import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { AcademicDocument } from '../entities/academic-document.entity';
import { Citizen } from '../entities/citizen.entity';

/** What higher education adds to the identity subgraph's Citizen. */
@Resolver(() => Citizen)
export class CitizenResolver {
  @Directive('@requiresScopes(scopes: [["highered.document:read"]])')
  @FieldResolver(() => [AcademicDocument], {
    nullable: true,
    description: 'Degrees, diplomas and transcripts issued to the citizen, in ID order.',
  })
  academicDocuments(@Root() citizen: Citizen, @Ctx() ctx: SubgraphContext): Promise<AcademicDocument[]> {
    return ctx.loaders.many(AcademicDocument, 'holderNationalId').load(citizen.nationalId);
  }
}
