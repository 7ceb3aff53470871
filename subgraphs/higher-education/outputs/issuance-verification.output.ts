import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AcademicDocument } from '../entities/academic-document.entity';
import { VerificationMethod, VerificationOutcome } from '../entities/enums';
import { AcademicReason } from './academic-reason.output';

// It tells what was issued to whom: personal data, read only for a declared purpose.
@Directive('@policy(policies: [["personal-data"]])')
@ObjectType({
  description:
    'The answer to an issuance verification (صحة صدور), given at once and recorded with the request.',
})
export class IssuanceVerification {
  @Field(() => ID, { description: 'The recorded request: the university and the ministry can see it.' })
  requestId!: string;

  @Field(() => VerificationOutcome)
  outcome!: VerificationOutcome;

  @Field(() => VerificationMethod)
  method!: VerificationMethod;

  @Field(() => String, { description: 'The serial number or verification code asked about.' })
  value!: string;

  @Field(() => [String], { description: 'Presented fields that differ from the document as issued.' })
  mismatchedFields!: string[];

  @Field(() => [String], { description: 'Why, one line per reason: Arabic — English.' })
  reasons!: string[];

  @Field(() => [AcademicReason], { description: 'Why, with a stable code per reason.' })
  reasonDetails!: AcademicReason[];

  @Field(() => AcademicDocument, {
    nullable: true,
    description: 'The document found (null when none); reading it needs highered.document:read.',
  })
  academicDocument!: AcademicDocument | null;

  @Field(() => String, { description: 'When it was answered, ISO 8601 UTC.' })
  checkedAt!: string;

  /** Whose document the answer is about (for the audit), null when none was found. */
  subjectNationalId!: string | null;
}
