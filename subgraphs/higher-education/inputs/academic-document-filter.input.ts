import { Field, InputType, Int } from 'type-graphql';
import { AcademicDocumentKind, AcademicDocumentStatus } from '../entities/enums';

@InputType({ description: 'Narrows a list of academic documents; every given field must match.' })
export class AcademicDocumentFilter {
  @Field(() => String, { nullable: true, description: 'The holder’s 12-digit national ID.' })
  holderNationalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Issuing university, e.g. UNI-01.' })
  universityCode?: string | null;

  @Field(() => AcademicDocumentKind, { nullable: true })
  kind?: AcademicDocumentKind | null;

  @Field(() => String, { nullable: true, description: 'Specialization code, e.g. CIVIL_ENG.' })
  specializationCode?: string | null;

  @Field(() => Int, { nullable: true })
  graduationYear?: number | null;

  @Field(() => AcademicDocumentStatus, { nullable: true })
  status?: AcademicDocumentStatus | null;
}
