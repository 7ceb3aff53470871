import {
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
} from 'graphql';
import { both, OPEN, type Requirement } from './requirement';

/** The directive names of the federation authorization specs (authenticated/v0.1, requiresScopes/v0.1). */
export const AUTHENTICATED = 'authenticated';
export const REQUIRES_SCOPES = 'requiresScopes';
export const POLICY = 'policy';

function listArgument(d: ConstDirectiveNode, name: string): string[][] {
  const arg = d.arguments?.find((a) => a.name.value === name);
  return arg && arg.value.kind === Kind.LIST ? (valueFromASTUntyped(arg.value) as string[][]) : [];
}

function fromDirectives(directives: readonly ConstDirectiveNode[] | undefined): Requirement {
  let r = OPEN;
  for (const d of directives ?? []) {
    if (d.name.value === AUTHENTICATED) r = both(r, { ...OPEN, authenticated: true });
    if (d.name.value === REQUIRES_SCOPES)
      r = both(r, { ...OPEN, authenticated: true, scopes: listArgument(d, 'scopes') });
    if (d.name.value === POLICY) r = both(r, { ...OPEN, policies: listArgument(d, 'policies') });
  }
  return r;
}

function ofType(type: GraphQLNamedType): Requirement {
  const nodes = [type.astNode, ...(('extensionASTNodes' in type && type.extensionASTNodes) || [])];
  return nodes.reduce<Requirement>((r, n) => both(r, fromDirectives(n?.directives)), OPEN);
}

/**
 * The access policy declared in a schema's SDL, keyed by schema coordinate (`Type.field`).
 * A field needs what its own directives say, what its parent type's say, and what the type it
 * returns says; a field of an interface needs what every implementation's field needs, since
 * the caller may receive any of them.
 */
export class Policy {
  private readonly cache = new Map<string, Requirement>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** Requirement of `parent.field`; parent may be an object or interface type. */
  forField(parentName: string, fieldName: string): Requirement {
    const key = `${parentName}.${fieldName}`;
    let r = this.cache.get(key);
    if (!r) {
      r = this.compute(parentName, fieldName);
      this.cache.set(key, r);
    }
    return r;
  }

  /** Every `Type.field` coordinate that needs something, with its requirement: for docs and tests. */
  restricted(): Map<string, Requirement> {
    const out = new Map<string, Requirement>();
    for (const type of Object.values(this.schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.keys(type.getFields())) {
        const r = this.forField(type.name, field);
        if (r.authenticated || r.scopes.length || r.policies.length) out.set(`${type.name}.${field}`, r);
      }
    }
    return out;
  }

  private compute(parentName: string, fieldName: string): Requirement {
    const parent = this.schema.getType(parentName);
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return OPEN;
    const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[fieldName];
    if (!field) return OPEN;
    let r = both(ofType(parent), fromDirectives(field.astNode?.directives));
    const returned = getNamedType(field.type);
    r = both(r, ofType(returned));
    if (isAbstractType(parent)) {
      for (const impl of this.schema.getPossibleTypes(parent)) {
        const implField = impl.getFields()[fieldName];
        if (implField) r = both(r, both(ofType(impl), fromDirectives(implField.astNode?.directives)));
      }
    }
    return r;
  }
}
