import { Field, Float, InputType, Int } from 'type-graphql';
import { AcademicDocumentKind } from '../entities/enums';

@InputType({
  description: 'Details printed on the copy presented, to be compared with the document as issued.',
})
export class PresentedFieldsInput {
  @Field(() => AcademicDocumentKind, { nullable: true })
  kind?: AcademicDocumentKind | null;

  @Field(() => String, { nullable: true, description: 'Specialization code, e.g. CIVIL_ENG.' })
  specializationCode?: string | null;

  @Field(() => Int, { nullable: true })
  graduationYear?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Grade average printed on the copy; compared to one decimal, the issued grade is never told.',
  })
  gradeAverage?: number | null;
}

@InputType({
  description:
    'An issuance-verification question (صحة صدور): exactly one of serial number and verification code, optionally the holder and the details presented.',
})
export class VerifyAcademicDocumentInput {
  @Field(() => String, {
    nullable: true,
    description: 'Serial number printed on it, e.g. UNI-01-2015-00001.',
  })
  serialNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Verification code printed under its QR code.' })
  verificationCode?: string | null;

  @Field(() => String, { nullable: true, description: 'National ID of the person who presented it.' })
  holderNationalId?: string | null;

  @Field(() => PresentedFieldsInput, { nullable: true })
  presentedFields?: PresentedFieldsInput | null;
}
