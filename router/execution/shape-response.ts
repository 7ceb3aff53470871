import { GraphQLError } from 'graphql';
import { type FieldShape, isSkipped, type SelectionShape, type TypeShape } from './compile-shape';
import { getOwn, setOwn } from './own';

type Json = Record<string, unknown>;
type Path = (string | number)[];

interface Shaping {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly errors: GraphQLError[];
  readonly path: Path;
}

/** Returned by the walk when a non-null position got null: the parent becomes null in turn. */
const BUBBLE = Symbol('null bubbles up');

function invalid(message: string, path: Path): GraphQLError {
  return new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } });
}

/**
 * The answer the caller asked for, taken from the subgraphs' merged data: response keys in the
 * operation's order, fragments applied by runtime type, `@skip`/`@include` honoured, leaves
 * checked, and nulls bubbled up to the nearest nullable position as GraphQL execution does.
 * Errors for values a subgraph should not have sent are returned beside the data.
 *
 * Spec: https://spec.graphql.org/October2021/#sec-Handling-Field-Errors
 */
export function shapeResponse(
  input: Json,
  shape: readonly SelectionShape[],
  rootType: string,
  variables: Readonly<Record<string, unknown>>,
): { data: Json | null; errors: GraphQLError[] } {
  const state: Shaping = { variables, errors: [], path: [] };
  const data: Json = {};
  const result = applySelection(input, shape, data, rootType, state);
  return { data: result === BUBBLE ? null : data, errors: state.errors };
}

function applySelection(
  input: Json,
  shape: readonly SelectionShape[],
  output: Json,
  typeName: string,
  state: Shaping,
): typeof BUBBLE | undefined {
  for (const sel of shape) {
    if (sel.conditions && isSkipped(sel.conditions, state.variables)) continue;
    if (sel.kind === 'fragment') {
      const runtime = typeof input.__typename === 'string' ? input.__typename : typeName;
      if (sel.types && !sel.types.has(runtime)) continue;
      if (applySelection(input, sel.selection, output, typeName, state) === BUBBLE) return BUBBLE;
      continue;
    }
    if (sel.name === '__typename') {
      if (getOwn(output, sel.key) !== undefined) continue;
      const own = getOwn(input, sel.key) ?? input.__typename;
      setOwn(output, sel.key, typeof own === 'string' ? own : typeName);
      continue;
    }
    state.path.push(sel.key);
    const value = completeValue(
      getOwn(output, sel.key),
      getOwn(input, sel.key) ?? null,
      sel.type,
      sel,
      state,
    );
    state.path.pop();
    if (value === BUBBLE) return BUBBLE;
    setOwn(output, sel.key, value);
  }
  return undefined;
}

function describe(state: Shaping, sel: FieldShape): string {
  const last = state.path[state.path.length - 1];
  return typeof last === 'number' ? `list element ${last} of ${sel.key}` : `field ${sel.key}`;
}

/**
 * One value at its type. `existing` is what an earlier selection of the same response key
 * already wrote (a field selected both directly and through a fragment): objects are merged.
 */
function completeValue(
  existing: unknown,
  input: unknown,
  type: TypeShape,
  sel: FieldShape,
  state: Shaping,
): unknown {
  if (existing === null || (existing !== undefined && !sel.selection)) return existing;
  if (type.nonNull) {
    const errorsBefore = state.errors.length;
    const value = completeValue(existing, input, type.nonNull, sel, state);
    if (value === null || value === BUBBLE) {
      if (value === null && state.errors.length === errorsBefore && input === null) {
        // Null where the schema promises a value, with no error of ours: the subgraph's error
        // (or its absence) is reported by the executor; this only records where it happened.
        state.errors.push(
          invalid(`Cannot return null for non-nullable ${describe(state, sel)}.`, state.path),
        );
      }
      return BUBBLE;
    }
    return value;
  }
  if (input === null || input === undefined) return null;
  if (type.list) {
    if (!Array.isArray(input)) {
      state.errors.push(invalid(`Expected a list for ${describe(state, sel)}.`, state.path));
      return null;
    }
    const out =
      Array.isArray(existing) && existing.length === input.length
        ? existing
        : new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      state.path.push(i);
      const item = completeValue(out[i], input[i], type.list, sel, state);
      state.path.pop();
      if (item === BUBBLE) return null;
      out[i] = item;
    }
    return out;
  }
  if (sel.selection) {
    if (typeof input !== 'object' || Array.isArray(input)) {
      state.errors.push(invalid(`Expected an object for ${describe(state, sel)}.`, state.path));
      return null;
    }
    const obj = input as Json;
    const runtime = typeof obj.__typename === 'string' ? obj.__typename : type.name;
    const out = (existing as Json | undefined) ?? ({} as Json);
    return applySelection(obj, sel.selection, out, runtime, state) === BUBBLE ? null : out;
  }
  if (sel.leaf?.(input) === false) {
    state.errors.push(invalid(`Invalid value found for ${describe(state, sel)}.`, state.path));
    return null;
  }
  return input;
}
