import type { GraphQLDataSource } from '@apollo/gateway/dist/datasources/types';
import { operationFromDocument, type Schema, type Supergraph } from '@apollo/federation-internals';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  execute,
  getVariableValues,
  type VariableDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  valueFromASTUntyped,
  visit,
  BREAK,
} from 'graphql';
import type { RouterContext } from '../router-context';
import { compileShape, type SelectionShape } from './compile-shape';
import { executePlan } from './execute-plan';
import { compileRepresentation, type RepresentationBuilder } from './representations';
import { shapeResponse } from './shape-response';
import { BoundedCache } from '../../kit/cache/bounded-cache';
import { rootFields } from '../pipeline/root-fields';

/** An operation ready to run: its plan and its response shape, compiled once. */
interface CompiledOperation {
  readonly node: PlanNode | undefined;
  readonly shape: readonly SelectionShape[];
  readonly rootType: string;
  /** Default values of the operation's variables, for `@skip`/`@include` and conditions. */
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
}

/** How an operation runs: compiled here, answered from the API schema alone, or left to @apollo/gateway (`null`). */
type Compiled = CompiledOperation | 'schema' | null;

/** Operations kept compiled; the oldest goes first beyond this. */
const CACHE_SIZE = 2000;

/** Root fields that the API schema answers itself, without any subgraph. */
const SCHEMA_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Whether the operation needs what only @apollo/gateway does: introspection, @defer, subscriptions. */
function needsGateway(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation === 'subscription') return true;
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether every node of the plan is one this executor runs (no @defer, no data rewrites). */
function isSupported(node: PlanNode | undefined): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(isSupported);
    case 'Flatten':
      return isSupported(node.node);
    case 'Condition':
      return isSupported(node.ifClause) && isSupported(node.elseClause);
    case 'Fetch':
      return !node.inputRewrites?.length && !node.outputRewrites?.length && !node.contextRewrites?.length;
    default:
      return false;
  }
}

/**
 * The router's own query-plan executor. Plans come from Apollo's query planner (the same plans
 * @apollo/gateway would make); what changes is the work per request: the operation is compiled
 * once (plan, response shape, representation builders) instead of rebuilt per request, entity
 * fetches send each distinct representation once, and the answer is shaped by a precompiled
 * walk. Introspection-only operations are answered by graphql-js from the API schema. Operations
 * it does not handle (introspection mixed with data, @defer, subscriptions, plans with data
 * rewrites) are left to @apollo/gateway: `execute` answers `undefined` for them.
 */
export class PlanExecutor {
  private readonly planner: QueryPlanner;
  private readonly apiSchema: Schema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly compiled = new BoundedCache<string, Compiled>(CACHE_SIZE);
  private readonly builders = new WeakMap<FetchNode, RepresentationBuilder>();

  constructor(
    /** The executable supergraph (security features stripped), built once by the router. */
    supergraph: Supergraph,
    private readonly services: (name: string) => GraphQLDataSource<RouterContext> | undefined,
  ) {
    this.planner = new QueryPlanner(supergraph);
    this.apiSchema = supergraph.apiSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  }

  /** Operations compiled so far (for tests: repeated operations are compiled once). */
  get size(): number {
    return this.compiled.size;
  }

  async execute(
    requestContext: GatewayGraphQLRequestContext<RouterContext>,
    document: DocumentNode,
    cacheKey: string,
  ): Promise<GatewayExecutionResult | undefined> {
    const compiled = this.compile(requestContext, document, cacheKey);
    if (!compiled) return undefined;
    if (compiled === 'schema') {
      return (await execute({
        schema: requestContext.schema,
        document,
        operationName: requestContext.request.operationName,
        variableValues: requestContext.request.variables,
      })) as GatewayExecutionResult;
    }
    if (compiled.variableDefinitions.length) {
      // As @apollo/gateway: variables are checked against their declared types before any fetch.
      const { errors } = getVariableValues(
        requestContext.schema,
        compiled.variableDefinitions,
        requestContext.request.variables ?? {},
      );
      if (errors) {
        if (requestContext.response?.http) requestContext.response.http.status = 400;
        return {
          errors: errors.map(
            (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
          ),
        };
      }
    }
    const variables = { ...compiled.defaults, ...requestContext.request.variables };
    const errors: GraphQLError[] = [];
    const root: Record<string, unknown> = {};
    if (compiled.node) {
      await executePlan(
        {
          services: this.services,
          requestContext,
          variables,
          representationOf: (fetch) => this.builderOf(fetch),
          errors,
          root,
        },
        compiled.node,
      );
    }
    const shaped = shapeResponse(root, compiled.shape, compiled.rootType, variables);
    // As @apollo/gateway: value-completion problems are reported only when no subgraph error explains them.
    if (errors.length) return { data: shaped.data, errors };
    if (shaped.errors.length) return { data: shaped.data, extensions: { valueCompletion: shaped.errors } };
    return { data: shaped.data };
  }

  private builderOf(fetch: FetchNode): RepresentationBuilder {
    let builder = this.builders.get(fetch);
    if (!builder) {
      builder = compileRepresentation(this.supergraphSchema, fetch.requires ?? []);
      this.builders.set(fetch, builder);
    }
    return builder;
  }

  private compile(
    rc: GatewayGraphQLRequestContext<RouterContext>,
    document: DocumentNode,
    cacheKey: string,
  ): Compiled {
    const hit = this.compiled.get(cacheKey);
    if (hit !== undefined) return hit;
    let compiled: Compiled = null;
    const operationName = rc.request.operationName ?? undefined;
    const fragments = new Map<string, FragmentDefinitionNode>();
    let operation: OperationDefinitionNode | undefined;
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName))
        operation ??= d;
    }
    // Only `__schema`, `__type` and `__typename` at the top: graphql-js answers from the API schema alone.
    const schemaOnly =
      operation?.operation === 'query' &&
      rootFields(operation.selectionSet, fragments).every(
        (f) => SCHEMA_FIELDS.has(f.name.value) && !f.directives?.length,
      );
    if (schemaOnly) {
      compiled = 'schema';
    } else if (operation && !needsGateway(document, operation)) {
      try {
        const plan = this.planner.buildQueryPlan(
          operationFromDocument(this.apiSchema, document, { operationName }),
        );
        if (plan.node?.kind !== 'Subscription' && isSupported(plan.node)) {
          const defaults: Record<string, unknown> = {};
          for (const v of operation.variableDefinitions ?? [])
            if (v.defaultValue) defaults[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
          const root = rc.schema.getRootType(operation.operation);
          compiled = {
            node: plan.node as PlanNode | undefined,
            shape: compileShape(rc.schema, operation, fragments),
            rootType: root?.name ?? 'Query',
            defaults,
            variableDefinitions: operation.variableDefinitions ?? [],
          };
        }
      } catch {
        // Left to @apollo/gateway, which reports the problem in its own words.
        compiled = null;
      }
    }
    this.compiled.set(cacheKey, compiled);
    return compiled;
  }
}
