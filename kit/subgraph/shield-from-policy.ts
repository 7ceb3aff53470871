import { type GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { urError } from '../errors/ur-error';
import { Policy } from '../policy/read-policy';
import { evaluate, isOpen, type Requirement } from '../policy/requirement';
import { denialMessage } from '../policy/denial-message';
import { grantOf } from '../auth/caller';
import type { SubgraphContext } from './subgraph-context';

/**
 * The subgraph's own enforcement of the policy in its SDL (the second line, behind the router):
 * one graphql-shield rule per distinct requirement, `fallbackRule: deny` for anything unlisted.
 * Rules see the caller from the router's signed context, so a subgraph trusts no header.
 */
export function shieldFromPolicy(schema: GraphQLSchema): GraphQLSchema {
  const policy = new Policy(schema);
  const ruleFor = new Map<string, ReturnType<ReturnType<typeof rule>>>();
  const rules: Record<string, Record<string, unknown>> = {};

  const makeRule = (r: Requirement) =>
    rule(`requires ${JSON.stringify(r)}`, { cache: 'no_cache' })(
      (_parent, _args, ctx: SubgraphContext, info) => {
        const verdict = evaluate(r, grantOf(ctx.caller));
        if (verdict.allowed) return true;
        const coordinate = `${info.parentType.name}.${info.fieldName}`;
        return urError('FORBIDDEN', denialMessage(coordinate, verdict), {
          missingScopes: verdict.missingScopes,
          ...(verdict.missingPolicies.length ? { missingPolicies: verdict.missingPolicies } : {}),
        });
      },
    );

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(type.getFields())) {
      const r = policy.forField(type.name, field);
      if (isOpen(r)) {
        fields[field] = allow;
        continue;
      }
      const key = JSON.stringify(r);
      let shieldRule = ruleFor.get(key);
      if (!shieldRule) {
        shieldRule = makeRule(r);
        ruleFor.set(key, shieldRule);
      }
      fields[field] = shieldRule;
    }
    rules[type.name] = fields;
  }

  const middleware = shield(rules as Parameters<typeof shield>[0], {
    fallbackRule: deny,
    fallbackError: () => urError('FORBIDDEN', 'Not allowed.'),
    allowExternalErrors: true,
    debug: false,
  });
  return applyMiddleware(schema, middleware);
}
