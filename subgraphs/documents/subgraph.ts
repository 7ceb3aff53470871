import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { Document } from './entities/document.entity';
import { DocumentVersion } from './entities/document-version.entity';
import { Issuer } from './entities/issuer.entity';
import { IssuerKey } from './entities/issuer-key.entity';
import { RecordRegisterCounter } from './entities/record-register-counter.entity';
import { RetentionRule } from './entities/retention-rule.entity';
import { migrations } from './migrations';
import { DocumentResolver } from './resolvers/document.resolver';
import { DocumentVersionResolver } from './resolvers/document-version.resolver';
import { IssuerResolver } from './resolvers/issuer.resolver';
import { RetentionResolver } from './resolvers/retention.resolver';
import { SecuredDocumentResolver } from './resolvers/secured-document.resolver';
import { VerificationResolver } from './resolvers/verification.resolver';
import { assertMayRead } from './rules/classification.rules';
import { seedDocuments } from './seed';

/**
 * National Data Center: the document store and e-records system (versions, content hashes,
 * classification, retention, records register), and the signing service behind secured
 * documents, their verification and the national trust list.
 */
export const documents = defineSubgraph({
  name: 'documents',
  agency: 'NDC',
  port: 4010,
  // Document first: the kit seeds when the first entity's table is empty.
  entities: [Document, DocumentVersion, Issuer, IssuerKey, RetentionRule, RecordRegisterCounter],
  resolvers: [
    DocumentResolver,
    SecuredDocumentResolver,
    DocumentVersionResolver,
    IssuerResolver,
    VerificationResolver,
    RetentionResolver,
  ],
  references: {
    // Reached from other subgraphs (AcademicDocument.document): the same clearance as a direct read.
    Document: async (ref: { id: string }, ctx: SubgraphContext) => {
      const document = await ctx.loaders.one(Document).load(ref.id);
      if (document) assertMayRead(ctx.caller, document);
      return document;
    },
  },
  migrations,
  seed: seedDocuments,
});
