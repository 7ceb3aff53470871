import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { BoundedCache } from '../../kit/cache/bounded-cache';
import { isIntrospection } from './introspection';

/** A query text parsed and validated once, with what every request for it needs. */
export interface PreparedDocument {
  readonly document: DocumentNode;
  /** SHA-256 of the query text, hex: the same hash Apollo Server gives it (audit, cache keys). */
  readonly queryHash: string;
  /** The operations, by name (the one anonymous operation under ''). */
  readonly operations: ReadonlyMap<string, OperationDefinitionNode>;
  /** Whether any operation selects `__schema` or `__type` (left to the introspection guard). */
  readonly introspection: boolean;
}

/** Query texts kept prepared; the oldest goes first beyond this. */
const CAPACITY = 1000;

/**
 * Parsed and validated documents by query text, for the router's direct path. A text that does not
 * parse or validate is remembered as `null`: such requests go to Apollo Server, which answers them
 * with its own located errors. Validation uses graphql-js's specified rules plus the router's
 * (operation limits), as Apollo Server's does, against the same API schema.
 *
 * Spec: https://spec.graphql.org/October2021/#sec-Validation
 */
export class PreparedDocuments {
  private readonly cache = new BoundedCache<string, PreparedDocument | null>(CAPACITY);
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly schema: GraphQLSchema,
    extraRules: readonly ValidationRule[],
  ) {
    this.rules = [...specifiedRules, ...extraRules];
  }

  /** The prepared document, or `null` when the text has parse or validation errors. */
  prepare(query: string): PreparedDocument | null {
    return this.cache.getOrSet(query, () => this.build(query));
  }

  private build(query: string): PreparedDocument | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(this.schema, document, this.rules).length) return null;
    const operations = new Map<string, OperationDefinitionNode>();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) operations.set(d.name?.value ?? '', d);
      else if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    }
    return {
      document,
      queryHash: createHash('sha256').update(query).digest('hex'),
      operations,
      introspection: [...operations.values()].some((o) => isIntrospection(o, fragments)),
    };
  }
}

/**
 * The operation a request runs, as graphql-js resolves it: the named one, or the only one when
 * no name is given; `undefined` when that is ambiguous or the name is unknown.
 *
 * Spec: https://spec.graphql.org/October2021/#GetOperation()
 */
export function operationToRun(
  prepared: PreparedDocument,
  operationName: string | undefined,
): OperationDefinitionNode | undefined {
  // '' names no operation (names are never empty): it must not find the anonymous one.
  if (operationName === '') return undefined;
  if (operationName !== undefined) return prepared.operations.get(operationName);
  if (prepared.operations.size !== 1) return undefined;
  return prepared.operations.values().next().value;
}
