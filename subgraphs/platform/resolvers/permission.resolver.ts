import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { grantOf } from '../../../kit/auth/caller';
import { urError } from '../../../kit/errors/ur-error';
import { evaluate, POLICIES } from '../../../kit/policy/requirement';
import { FieldPermission, PermissionReport } from '../entities/permission.type';
import type { PlatformContext } from '../platform-context';

@Resolver()
export class PermissionResolver {
  @Directive('@authenticated')
  @Query(() => PermissionReport, {
    nullable: true,
    description: 'What you may read in the national graph, and for each field you may not, what you lack.',
  })
  myPermissions(
    @Arg('onlyDenied', () => Boolean, { defaultValue: false }) onlyDenied: boolean,
    @Ctx() ctx: PlatformContext,
  ): PermissionReport {
    if (!ctx.supergraph) throw urError('INTERNAL_SERVER_ERROR', 'Permission report needs the router.');
    const grant = grantOf(ctx.caller);
    const fields: FieldPermission[] = [];
    for (const [coordinate, requirement] of ctx.supergraph.policy.restricted()) {
      const verdict = evaluate(requirement, grant);
      if (onlyDenied && verdict.allowed) continue;
      fields.push({
        coordinate,
        allowed: verdict.allowed,
        missingScopes: [...verdict.missingScopes],
        needsPurpose: requirement.policies.some((alt) => alt.includes(POLICIES.personalData)),
      });
    }
    return {
      clientId: ctx.caller.clientId,
      agency: ctx.caller.agency,
      scopes: [...ctx.caller.scopes],
      purpose: ctx.caller.purpose,
      fields: fields.sort((a, b) => a.coordinate.localeCompare(b.coordinate)),
    };
  }
}
