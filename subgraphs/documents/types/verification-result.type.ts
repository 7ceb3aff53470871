import { Field, ID, ObjectType } from 'type-graphql';
import { Verdict } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';

/** The answer of verifyDocument and verifyQrPayload: what the /verify page shows a person. */
@ObjectType({ description: 'Whether a secured document is genuine and in force, and why not.' })
export class VerificationResult {
  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => Issuer, { nullable: true, description: 'The issuer, once its signature has verified.' })
  issuer!: Issuer | null;

  @Field(() => String, { nullable: true, description: 'Date printed on the document, YYYY-MM-DD.' })
  issuedAt!: string | null;

  @Field(() => ID, { nullable: true })
  documentId!: string | null;

  @Field(() => String, { nullable: true, description: 'Arabic title, once the signature has verified.' })
  title!: string | null;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day the document is valid, YYYY-MM-DD.' })
  validUntil!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The verification code that belongs to the signature.',
  })
  verificationCode!: string | null;

  @Field(() => [String], { description: 'Why the verdict is not VALID, one finding each; empty for VALID.' })
  reasons!: string[];

  @Field(() => String, { description: 'When the check was made, ISO 8601 UTC.' })
  checkedAt!: string;
}
