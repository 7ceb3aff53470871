import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../kit/subgraph/subgraph-context';
import { now } from '../../../kit/clock';
import { Document } from '../entities/document.entity';
import { DocumentStatus } from '../entities/enums';
import { Issuer } from '../entities/issuer.entity';
import { IssuerKey } from '../entities/issuer-key.entity';
import { PUBLISHER, revocationOf } from '../signing/trust-store';
import { DocumentRevocation, TrustListType } from '../types/trust-list.type';
import { TRUST_LIST_FORMAT } from '../../../kit/secured-documents/trust-list';

/** The trust list, open to anyone: public keys only, never a private one. */
@Resolver(() => Issuer)
export class IssuerResolver {
  @Query(() => [Issuer], { description: 'Every issuer of secured documents, by ID (the trust list).' })
  issuers(@Ctx() ctx: SubgraphContext): Promise<Issuer[]> {
    return ctx.em.find(Issuer, {}, { orderBy: { id: 'asc' } });
  }

  @Query(() => Issuer, {
    nullable: true,
    description: 'An issuer by ID (e.g. UNI-01, AMANAT); null when none.',
  })
  issuer(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Issuer | null> {
    return ctx.loaders.one(Issuer).load(id);
  }

  @Query(() => TrustListType, {
    description:
      'The national trust list, as published in /trust-list.json: issuers, their keys and validity windows, and revoked or suspended secured documents.',
  })
  async trustList(@Ctx() ctx: SubgraphContext): Promise<TrustListType> {
    const withdrawn = await ctx.em.find(
      Document,
      { issuerId: { $ne: null }, status: { $ne: DocumentStatus.ACTIVE } },
      { orderBy: { id: 'asc' } },
    );
    return Object.assign(new TrustListType(), {
      format: TRUST_LIST_FORMAT,
      version: 1,
      publisher: PUBLISHER,
      publishedAt: now().toISOString(),
      issuers: await this.issuers(ctx),
      revocations: withdrawn.map((d) => Object.assign(new DocumentRevocation(), revocationOf(d))),
    });
  }

  @FieldResolver(() => [IssuerKey], { description: 'Its public keys, first generation first.' })
  keys(@Root() issuer: Issuer, @Ctx() ctx: SubgraphContext): Promise<IssuerKey[]> {
    return ctx.loaders.many(IssuerKey, 'issuerId', 'generation').load(issuer.id);
  }
}
