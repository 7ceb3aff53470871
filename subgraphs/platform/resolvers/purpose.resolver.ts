import { Arg, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { urError } from '../../../kit/errors/ur-error';
import { Purpose } from '../entities/purpose.entity';
import { RegisterPurposeInput } from '../inputs/purpose.input';
import type { PlatformContext } from '../platform-context';

@Resolver(() => Purpose)
export class PurposeResolver {
  @Query(() => [Purpose], { nullable: true, description: 'Registered purposes, for the ur-purpose header.' })
  purposes(@Ctx() ctx: PlatformContext): Promise<Purpose[]> {
    return ctx.em.find(Purpose, {}, { orderBy: { code: 'asc' } });
  }

  @Directive('@requiresScopes(scopes: [["platform.admin"]])')
  @Mutation(() => Purpose, { description: 'Registers a purpose with its legal basis.' })
  async registerPurpose(
    @Arg('input', () => RegisterPurposeInput) input: RegisterPurposeInput,
    @Ctx() ctx: PlatformContext,
  ): Promise<Purpose> {
    if (!/^[A-Z][A-Z0-9_]{2,63}$/.test(input.code)) {
      throw urError('BAD_USER_INPUT', `Purpose code "${input.code}" must be UPPER_SNAKE_CASE.`, {
        argument: 'code',
      });
    }
    if (!input.legalBasis.trim() || !input.legalBasisEn.trim()) {
      throw urError('BAD_USER_INPUT', 'A purpose needs its legal basis in Arabic and English.', {
        argument: 'legalBasis',
      });
    }
    if (await ctx.em.findOne(Purpose, { code: input.code })) {
      throw urError('BAD_USER_INPUT', `Purpose "${input.code}" is already registered.`, { argument: 'code' });
    }
    const purpose = ctx.em.create(Purpose, { ...input });
    await ctx.em.flush();
    return purpose;
  }
}
