import {
  type DirectiveNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** A `@skip`/`@include` on a selection: skipped when `if` equals `skipWhen`. */
export interface Condition {
  readonly skipWhen: boolean;
  /** A literal, or the name of the variable that holds it. */
  readonly value: boolean | { readonly variable: string };
}

/** How a leaf value is checked before it reaches the caller (the subgraph's answer is not trusted blindly). */
export type LeafCheck = (value: unknown) => boolean;

/**
 * A field's type, unwrapped once at compile time: the walk over each answer then reads two
 * properties instead of calling graphql-js's type predicates (which check realms outside production).
 */
export interface TypeShape {
  /** Set for a non-null type: the same type, nullable. */
  readonly nonNull?: TypeShape;
  /** Set for a list type: the type of its items. */
  readonly list?: TypeShape;
  /** The named type underneath. */
  readonly name: string;
}

/** The TypeShape of a graphql-js output type. */
export function typeShapeOf(type: GraphQLOutputType): TypeShape {
  if (isNonNullType(type)) return { nonNull: typeShapeOf(type.ofType), name: getNamedType(type).name };
  if (isListType(type)) return { list: typeShapeOf(type.ofType), name: getNamedType(type).name };
  return { name: type.name };
}

export interface FieldShape {
  readonly kind: 'field';
  readonly key: string;
  readonly name: string;
  readonly type: TypeShape;
  readonly conditions?: readonly Condition[];
  /** For composite fields: what to take from each object. */
  readonly selection?: readonly SelectionShape[];
  /** For leaves: the value check of its scalar or enum. */
  readonly leaf?: LeafCheck;
}

export interface FragmentShape {
  readonly kind: 'fragment';
  /** Object types the fragment applies to; `null` when it has no type condition. */
  readonly types: ReadonlySet<string> | null;
  readonly conditions?: readonly Condition[];
  readonly selection: readonly SelectionShape[];
}

export type SelectionShape = FieldShape | FragmentShape;

const BUILT_IN_LEAVES: Record<string, LeafCheck> = {
  Int: (v) => Number.isInteger(v),
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  String: (v) => typeof v === 'string',
  Boolean: (v) => typeof v === 'boolean',
  ID: (v) => typeof v === 'string' || Number.isInteger(v),
};
const ANY_LEAF: LeafCheck = (v) => v !== undefined;

function conditionsOf(directives: readonly DirectiveNode[] | undefined): Condition[] | undefined {
  const out: Condition[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg: ValueNode | undefined = d.arguments?.find((a) => a.name.value === 'if')?.value;
    if (!arg) continue;
    const value =
      arg.kind === Kind.VARIABLE
        ? { variable: arg.name.value }
        : arg.kind === Kind.BOOLEAN
          ? arg.value
          : false;
    out.push({ skipWhen: d.name.value === 'skip', value });
  }
  return out.length ? out : undefined;
}

/**
 * The operation compiled once into what the response needs from the merged subgraph data: the
 * fields in order with their response keys, type conditions as sets of object types, skip and
 * include conditions, and leaf checks. This replaces the per-request walk of the operation that
 * the gateway's result shaping does, and is cached with the plan.
 *
 * Spec: https://spec.graphql.org/October2021/#sec-Executing-Selection-Sets
 */
export function compileShape(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): SelectionShape[] {
  const leafChecks = new Map<string, LeafCheck>();
  const leafOf = (type: GraphQLOutputType): LeafCheck => {
    const named = getNamedType(type);
    let check = leafChecks.get(named.name);
    if (check) return check;
    if (isEnumType(named)) {
      const values = new Set(named.getValues().map((v) => v.name));
      check = (v) => typeof v === 'string' && values.has(v);
    } else if (isScalarType(named)) check = BUILT_IN_LEAVES[named.name] ?? ANY_LEAF;
    else check = ANY_LEAF;
    leafChecks.set(named.name, check);
    return check;
  };
  const possible = (typeName: string): ReadonlySet<string> => {
    const type = schema.getType(typeName);
    // The abstract type's own name too: an object without __typename, typed only by its field, matches.
    if (type && isAbstractType(type))
      return new Set([typeName, ...schema.getPossibleTypes(type).map((t) => t.name)]);
    return new Set([typeName]);
  };
  const compile = (set: SelectionSetNode, parentName: string, depth: number): SelectionShape[] => {
    if (depth > 128) throw new Error('operation nested too deeply to compile');
    const parent = schema.getType(parentName);
    const out: SelectionShape[] = [];
    for (const sel of set.selections) {
      const conditions = conditionsOf(sel.directives);
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const key = sel.alias?.value ?? name;
        if (name === '__typename') {
          out.push({
            kind: 'field',
            key,
            name,
            type: { name: 'String' },
            conditions,
          });
          continue;
        }
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        if (!field) throw new Error(`unknown field ${parentName}.${name}`);
        const named = getNamedType(field.type);
        const composite = isCompositeType(named);
        if (composite && !sel.selectionSet) throw new Error(`${parentName}.${name} needs a selection`);
        out.push({
          kind: 'field',
          key,
          name,
          type: typeShapeOf(field.type),
          conditions,
          ...(composite && sel.selectionSet
            ? { selection: compile(sel.selectionSet, named.name, depth + 1) }
            : { leaf: leafOf(field.type) }),
        });
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition?.name.value;
        out.push({
          kind: 'fragment',
          types: on ? possible(on) : null,
          conditions,
          selection: compile(sel.selectionSet, on ?? parentName, depth + 1),
        });
        continue;
      }
      const fragment = fragments.get(sel.name.value);
      if (!fragment) throw new Error(`unknown fragment ${sel.name.value}`);
      const on = fragment.typeCondition.name.value;
      out.push({
        kind: 'fragment',
        types: possible(on),
        conditions,
        selection: compile(fragment.selectionSet, on, depth + 1),
      });
    }
    return out;
  };
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`the schema has no ${operation.operation} type`);
  return compile(operation.selectionSet, root.name, 0);
}

/** Whether a selection is left out by its `@skip`/`@include` with these variables. */
export function isSkipped(
  conditions: readonly Condition[] | undefined,
  variables: Readonly<Record<string, unknown>>,
): boolean {
  if (!conditions) return false;
  for (const c of conditions) {
    const value = typeof c.value === 'boolean' ? c.value : variables[c.value.variable] === true;
    if (value === c.skipWhen) return true;
  }
  return false;
}
