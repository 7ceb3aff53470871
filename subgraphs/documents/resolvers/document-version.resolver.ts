import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { Document } from '../entities/document.entity';
import { DocumentVersion } from '../entities/document-version.entity';
import { assertMayRead } from '../rules/classification.rules';
import { textOf } from '../rules/content.rules';

/** A version's content needs the same clearance as its document, however the version was reached. */
async function clearedBytes(version: DocumentVersion, ctx: SubgraphContext): Promise<Buffer> {
  const document = await ctx.loaders.one(Document).load(version.documentId);
  if (!document) throw new Error(`version ${version.id} has no document`);
  assertMayRead(ctx.caller, document);
  return version.bytes;
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Text of this version when it is textual (text/*, JSON, XML); null otherwise.',
  })
  async content(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return textOf(await clearedBytes(version, ctx), version.mediaType);
  }

  @FieldResolver(() => String, { description: 'This version’s bytes, base64.' })
  async contentBase64(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await clearedBytes(version, ctx)).toString('base64');
  }
}
