import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { AcademicDocument } from '../entities/academic-document.entity';
import { AdmissionRule } from '../entities/admission-rule.entity';
import { Citizen } from '../entities/citizen.entity';
import { PostgraduateProgram } from '../entities/postgraduate-program.entity';
import { AcademicReason } from './academic-reason.output';

@Directive('@requiresScopes(scopes: [["highered.admission:read"]])')
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description:
    'Background consistency (انسجام الخلفية) of an applicant for a postgraduate program: the matching document and rule, or why none fits.',
})
export class BackgroundConsistency {
  @Field(() => Citizen, { nullable: true, description: 'The applicant.' })
  applicant!: Citizen;

  @Field(() => PostgraduateProgram)
  program!: PostgraduateProgram;

  @Field(() => Boolean, { description: 'True when some prior document meets every condition of some rule.' })
  consistent!: boolean;

  @Field(() => AcademicDocument, { nullable: true, description: 'The document that meets a rule.' })
  matchedDocument!: AcademicDocument | null;

  @Field(() => AdmissionRule, { nullable: true, description: 'The rule it meets.' })
  matchedRule!: AdmissionRule | null;

  @Field(() => AcademicDocument, {
    nullable: true,
    description: 'When not consistent: the prior document that came closest; the reasons are its failures.',
  })
  closestDocument!: AcademicDocument | null;

  @Field(() => [String], { description: 'Why, one line per reason: Arabic — English.' })
  reasons!: string[];

  @Field(() => [AcademicReason], { description: 'Why, with a stable code per reason.' })
  reasonDetails!: AcademicReason[];

  @Field(() => Int, { description: 'The year the years since graduation were counted to.' })
  evaluatedInYear!: number;
}
