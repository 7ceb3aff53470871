import { type GraphQLDataSource, GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { RouterContext } from '../router-context';
import type { RepresentationBuilder } from './representations';
import { getOwn, setOwn } from './own';

type Json = Record<string, unknown>;
type ResponsePath = (string | number)[];

/** What one execution needs: the services, the request, and where errors are collected. */
export interface PlanRun {
  readonly services: (name: string) => GraphQLDataSource<RouterContext> | undefined;
  readonly requestContext: GatewayGraphQLRequestContext<RouterContext>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly representationOf: (fetch: FetchNode) => RepresentationBuilder;
  readonly errors: GraphQLError[];
  /** The merged data of every fetch so far. */
  readonly root: Json;
}

/** Where a plan node runs. */
interface Cursor {
  /** Plan path from the root (`@` for list levels), as the planner writes it. */
  readonly path: readonly (string | number)[];
  /** The objects at that path (one, or a flattened list). */
  readonly data: Json | Json[];
}

/**
 * Runs a query plan: Sequence in order, Parallel at once, Flatten into the objects at a path,
 * Condition on a variable, Fetch against a subgraph. An entity fetch sends each distinct
 * representation once, however many times the entity appears in the answer, and merges the
 * subgraph's answer into every occurrence: cost follows distinct data, not repetition.
 *
 * Spec: https://www.apollographql.com/docs/graphos/reference/federation/query-plans
 */
export async function executePlan(run: PlanRun, node: PlanNode): Promise<void> {
  await executeNode(run, node, { path: [], data: run.root });
}

async function executeNode(run: PlanRun, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case 'Flatten': {
      const data = flatten(cursor.data, node.path, 0);
      if (data.length) await executeNode(run, node.node, { path: [...cursor.path, ...node.path], data });
      return;
    }
    case 'Condition': {
      const branch = run.variables[node.condition] === true ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        run.errors.push(
          error instanceof GraphQLError
            ? error
            : new GraphQLError(error instanceof Error ? error.message : String(error), {
                originalError: error instanceof Error ? error : undefined,
              }),
        );
      }
      return;
    default:
      // Plans with @defer are routed to @apollo/gateway before they get here (see plan-executor).
      throw new Error(`unsupported plan node ${node.kind}`);
  }
}

/** The objects at `path` below `value`, lists flattened (`@`), nulls dropped, pushed to `out` in order. */
function flatten(value: unknown, path: readonly (string | number)[], i: number, out: Json[] = []): Json[] {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, path, i, out);
    return out;
  }
  if (i === path.length) {
    if (typeof value === 'object') out.push(value as Json);
    return out;
  }
  const seg = path[i];
  if (seg === '@') return flatten(value, path, i + 1, out);
  return flatten(getOwn(value, seg as string), path, i + 1, out);
}

/** Deep merge of a subgraph's answer into the data so far (the gateway's rules: objects merge, same-length lists merge by position). */
export function deepMerge(target: Json, source: Json | null | undefined): void {
  if (!source) return;
  for (const key of Object.keys(source)) {
    const from = source[key]; // Object.keys: own keys only
    if (from === undefined) continue;
    const to = getOwn(target, key);
    if (
      to &&
      typeof to === 'object' &&
      from &&
      typeof from === 'object' &&
      !Array.isArray(from) &&
      !Array.isArray(to)
    ) {
      deepMerge(to as Json, from as Json);
    } else if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
      for (let i = 0; i < from.length; i++) {
        const a: unknown = to[i];
        const b: unknown = from[i];
        if (
          a &&
          b &&
          typeof a === 'object' &&
          typeof b === 'object' &&
          !Array.isArray(a) &&
          !Array.isArray(b)
        )
          deepMerge(a as Json, b as Json);
        else to[i] = b;
      }
    } else setOwn(target, key, from);
  }
}

async function executeFetch(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const entities = Array.isArray(cursor.data) ? cursor.data : [cursor.data];
  if (!entities.length) return;
  const variables: Json = {};
  for (const name of fetch.variableUsages ?? []) {
    if (run.variables[name] !== undefined) variables[name] = run.variables[name];
  }
  if (!fetch.requires) {
    const data = await send(run, fetch, variables, cursor, undefined);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }
  const build = run.representationOf(fetch);
  const representations: Json[] = [];
  /** The entities each distinct representation stands for, in representation order. */
  const owners: Json[][] = [];
  const index = new Map<string, number>();
  for (const entity of entities) {
    const rep = build(entity);
    if (!rep || !rep.__typename) continue;
    const key = JSON.stringify(rep);
    let at = index.get(key);
    if (at === undefined) {
      at = representations.length;
      index.set(key, at);
      representations.push(rep);
      owners.push([]);
    }
    owners[at]?.push(entity);
  }
  if (!representations.length) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const data = await send(run, fetch, { ...variables, representations }, cursor, owners);
  if (!data) return;
  const received = data._entities;
  if (!Array.isArray(received)) throw new Error('Expected "data._entities" in response to be an array');
  if (received.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  received.forEach((answer: unknown, i) => {
    if (!answer || typeof answer !== 'object') return;
    const entityAnswer = answer as Json;
    for (const entity of owners[i] ?? []) {
      if (!entityAnswer.__typename) entityAnswer.__typename = entity.__typename;
      deepMerge(entity, entityAnswer);
    }
  });
}

async function send(
  run: PlanRun,
  fetch: FetchNode,
  variables: Json,
  cursor: Cursor,
  owners: Json[][] | undefined,
): Promise<Json | undefined> {
  const service = run.services(fetch.serviceName);
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const response = await service.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: undefined,
  });
  if (response.errors?.length) {
    const pathOf = errorPathMapper(run, fetch, cursor, owners);
    for (const error of response.errors) {
      const extensions: Record<string, unknown> = { ...error.extensions, serviceName: fetch.serviceName };
      if (!extensions.code) extensions.code = 'DOWNSTREAM_SERVICE_ERROR';
      run.errors.push(
        new GraphQLError(
          error.message || `Error while fetching subquery from service "${fetch.serviceName}"`,
          {
            path: pathOf(error.path),
            extensions,
          },
        ),
      );
    }
  }
  return (response.data ?? undefined) as Json | undefined;
}

/**
 * A subgraph error's path in the caller's answer. For an entity fetch the subgraph says
 * `_entities.<i>…`: that is the first occurrence of the i-th distinct representation, found by
 * walking the merged data (only when there are errors, so the common case pays nothing).
 */
function errorPathMapper(
  run: PlanRun,
  fetch: FetchNode,
  cursor: Cursor,
  owners: Json[][] | undefined,
): (path: readonly (string | number)[] | undefined) => ResponsePath | undefined {
  let where: Map<Json, ResponsePath> | undefined;
  return (path) => {
    if (!path) return undefined;
    if (!fetch.requires || !owners || typeof path[1] !== 'number') {
      return [...cursor.path.filter((p) => p !== '@'), ...path];
    }
    where ??= locate(run.root, cursor.path);
    const first = owners[path[1]]?.[0];
    return [...((first && where.get(first)) ?? []), ...path.slice(2)];
  };
}

/** Every object at a plan path, with its response path (list indexes filled in). */
function locate(root: Json, planPath: readonly (string | number)[]): Map<Json, ResponsePath> {
  const out = new Map<Json, ResponsePath>();
  const walk = (value: unknown, i: number, at: ResponsePath) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((v, j) => walk(v, i, [...at, j]));
      return;
    }
    if (i === planPath.length) {
      if (typeof value === 'object' && !out.has(value as Json)) out.set(value as Json, at);
      return;
    }
    const seg = planPath[i];
    if (seg === '@') walk(value, i + 1, at);
    else walk(getOwn(value as Json, seg as string), i + 1, [...at, seg as string]);
  };
  walk(root, 0, []);
  return out;
}
