import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { hasCataloguedCode, urError } from '../../kit/errors/ur-error';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../kit/graphql/paginate';
import { rootFields } from './root-fields';

/** What one operation may ask for at once; each limit has its own catalogued error. */
export interface OperationLimits {
  /** Deepest field nesting (`{ a { b } }` is 2). */
  readonly maxDepth: number;
  readonly maxAliases: number;
  /** Top-level fields (breadth of the operation). */
  readonly maxRootFields: number;
  /** Estimated cost, see `measureOperation`. */
  readonly maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxCost: 20000,
};

/** What `measureOperation` found. */
export interface OperationMeasure {
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
  readonly cost: number;
}

/** Lists without `first` are counted as this many items. */
export const DEFAULT_LIST_SIZE = DEFAULT_PAGE_SIZE;

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Multiplies without leaving the safe integers (a `first: 1e9` nested twice is not Infinity). */
function times(a: number, b: number): number {
  return Math.min(a * b, Number.MAX_SAFE_INTEGER);
}

/**
 * Measures an operation, fragments expanded (each fragment measured once, so a fragment bomb
 * costs nothing to measure):
 * - depth: the deepest field nesting; inside introspection (`__schema`, `__type`) `ofType`
 *   does not count, so a standard introspection query passes;
 * - aliases: fields with an alias, counted at each place they are spread;
 * - root fields: top-level fields other than `__typename`;
 * - cost: each field 1, plus its selection times a multiplier: the field's `first` argument
 *   (a literal; for a variable, its default or the largest page size; absent, the argument's
 *   default or 20), or 20 for a list without `first`, or 1 for a Relay connection's `edges`
 *   (the page size was counted at the connection). Introspection fields count 1 each.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): OperationMeasure {
  const variableDefaults = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]),
  );
  const fragmentMeasures = new Map<string, Measure>();
  const visiting = new Set<string>();

  const pageSize = (value: ValueNode | undefined, fallback: number): number => {
    if (!value) return fallback;
    if (value.kind === Kind.INT) return Math.max(0, Number.parseInt(value.value, 10));
    if (value.kind === Kind.VARIABLE) {
      const declared = variableDefaults.get(value.name.value);
      return declared?.kind === Kind.INT ? Math.max(0, Number.parseInt(declared.value, 10)) : MAX_PAGE_SIZE;
    }
    return fallback;
  };

  const multiplier = (field: FieldNode, parent: GraphQLNamedType | undefined): number => {
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return 1;
    const def = parent.getFields()[field.name.value];
    if (!def) return 1;
    const first = def.args.find((a) => a.name === 'first');
    if (first) {
      const given = field.arguments?.find((a) => a.name.value === 'first')?.value;
      const fallback = typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_LIST_SIZE;
      return pageSize(given, fallback);
    }
    if (!isListType(getNullableType(def.type))) return 1;
    return parent.name.endsWith('Connection') ? 1 : DEFAULT_LIST_SIZE;
  };

  const childType = (field: FieldNode, parent: GraphQLNamedType | undefined) => {
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
    const def = parent.getFields()[field.name.value];
    return def ? getNamedType(def.type) : undefined;
  };

  const selectionSet = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType | undefined,
    introspection: boolean,
  ): Measure => {
    const out: Measure = { depth: 0, aliases: 0, cost: 0 };
    if (!set) return out;
    const add = (m: Measure, depth: number) => {
      out.depth = Math.max(out.depth, depth);
      out.aliases += m.aliases;
      out.cost = Math.min(out.cost + m.cost, Number.MAX_SAFE_INTEGER);
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const inside = introspection || INTROSPECTION_ROOTS.has(selection.name.value);
        const child = selectionSet(selection.selectionSet, childType(selection, parent), inside);
        const counts = !(inside && selection.name.value === 'ofType');
        const perItem = inside ? 1 : multiplier(selection, parent);
        add(
          {
            depth: 0,
            aliases: child.aliases + (selection.alias ? 1 : 0),
            cost: 1 + times(perItem, child.cost),
          },
          child.depth + (counts ? 1 : 0),
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const m = selectionSet(selection.selectionSet, type ?? undefined, introspection);
        add(m, m.depth);
      } else {
        const m = fragment(selection.name.value, introspection);
        add(m, m.depth);
      }
    }
    return out;
  };

  const fragment = (name: string, introspection: boolean): Measure => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    // An unknown or cyclic fragment is reported by graphql-js's own rules.
    if (!definition || visiting.has(name)) return { depth: 0, aliases: 0, cost: 0 };
    visiting.add(name);
    const m = selectionSet(
      definition.selectionSet,
      schema.getType(definition.typeCondition.name.value) ?? undefined,
      introspection,
    );
    visiting.delete(name);
    fragmentMeasures.set(name, m);
    return m;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const whole = selectionSet(operation.selectionSet, root, false);
  const roots = rootFields(operation.selectionSet, fragments).filter((f) => f.name.value !== '__typename');
  return { ...whole, rootFields: roots.length };
}

/** The errors for every limit an operation is over, naming the limit and what was measured. */
export function limitErrors(measure: OperationMeasure, limits: OperationLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (measure.depth > limits.maxDepth) {
    errors.push(
      urError(
        'QUERY_TOO_DEEP',
        `The operation nests fields ${measure.depth} deep; the limit is ${limits.maxDepth}.`,
        { limit: limits.maxDepth, measured: measure.depth },
      ),
    );
  }
  if (measure.aliases > limits.maxAliases) {
    errors.push(
      urError(
        'TOO_MANY_ALIASES',
        `The operation uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}.`,
        { limit: limits.maxAliases, measured: measure.aliases },
      ),
    );
  }
  if (measure.rootFields > limits.maxRootFields) {
    errors.push(
      urError(
        'TOO_MANY_ROOT_FIELDS',
        `The operation selects ${measure.rootFields} top-level fields; the limit is ${limits.maxRootFields}.`,
        { limit: limits.maxRootFields, measured: measure.rootFields },
      ),
    );
  }
  if (measure.cost > limits.maxCost) {
    errors.push(
      urError(
        'QUERY_TOO_COSTLY',
        `The operation's estimated cost is ${measure.cost}; the limit is ${limits.maxCost} ` +
          `(each field 1, the fields under a list times its \`first\`, or ${DEFAULT_LIST_SIZE} without one).`,
        { limit: limits.maxCost, measured: measure.cost },
      ),
    );
  }
  return errors;
}

/**
 * The limits as a validation rule, for ApolloServer's `validationRules`: it runs when a document
 * is first validated, and a valid document is cached, so a repeated operation costs nothing.
 */
export function operationLimitsRule(limits: OperationLimits = DEFAULT_OPERATION_LIMITS): ValidationRule {
  return (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const measure = measureOperation(context.getSchema(), operation, fragments);
        for (const error of limitErrors(measure, limits)) context.reportError(error);
        return false; // measured whole; nothing below needs visiting by this rule
      },
    };
  };
}

/**
 * Apollo Server gives every validation error the code GRAPHQL_VALIDATION_FAILED; a limit's own
 * catalogued code (QUERY_TOO_DEEP, …) is put back so that callers can branch on it.
 */
export function keepLimitCodes(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | null)
      ?.originalError;
    if (
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
      original &&
      hasCataloguedCode(original)
    ) {
      return format(
        { ...formatted, extensions: { ...formatted.extensions, code: original.extensions?.code } },
        error,
      );
    }
    return format(formatted, error);
  };
}

/** A JSON array body is a batch: refused with its own code rather than Apollo's bare BAD_REQUEST. */
export function batchRefusal(body: string): GraphQLError | undefined {
  if (!body.trimStart().startsWith('[')) return undefined;
  return urError(
    'BATCH_NOT_SUPPORTED',
    'Batched operations (a JSON array body) are not accepted: send one operation per request.',
  );
}
