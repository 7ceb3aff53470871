import { Field, Int, ObjectType } from 'type-graphql';
import { DocumentStatus } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';

/** A revoked or suspended secured document, as the trust list publishes it. */
@ObjectType({ description: 'A secured document its issuer has revoked or suspended.' })
export class DocumentRevocation {
  @Field(() => String) documentId!: string;
  @Field(() => String) issuerId!: string;
  @Field(() => DocumentStatus, { description: 'REVOKED or SUSPENDED.' }) status!: DocumentStatus;
  @Field(() => String, { description: 'When it took effect, ISO 8601 UTC.' }) since!: string;
  @Field(() => String) reason!: string;
}

/**
 * The national trust list. Its fields are named as kit/secured-documents' TrustList, so the
 * data of `trustList { … }` (TRUST_LIST_QUERY) is the TrustList the static JSON is rendered from.
 */
@ObjectType('TrustList', {
  description: 'The national trust list: issuers, their public keys, and withdrawn documents.',
})
export class TrustListType {
  @Field(() => String, { description: 'Always ur-trust-list.' }) format!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'Publishing agency (NDC).' }) publisher!: string;
  @Field(() => String, { description: 'When this list was produced, ISO 8601 UTC.' }) publishedAt!: string;
  @Field(() => [Issuer]) issuers!: Issuer[];
  @Field(() => [DocumentRevocation]) revocations!: DocumentRevocation[];
}
