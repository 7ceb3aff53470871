import { type GraphQLError, type GraphQLOutputType, isListType, isNonNullType } from 'graphql';
import { urError } from '../../kit/errors/ur-error';
import { denialMessage } from '../../kit/policy/denial-message';
import type { Denial } from './authorize-operation';
import { getOwn, hasOwn, setOwn } from '../execution/own';

type Json = Record<string, unknown>;

/** The error path of a denial: response keys, with `@` for each list level crossed (one error for all items). */
function errorPathOf(denial: Denial): string[] {
  const out: string[] = [];
  denial.path.forEach((seg, i) => {
    out.push(seg.key);
    if (i === denial.path.length - 1) return;
    let t = seg.type;
    for (;;) {
      if (isNonNullType(t)) t = t.ofType;
      if (!isListType(t)) break;
      out.push('@');
      t = t.ofType;
    }
  });
  return out;
}

/**
 * After execution: writes `null` where each denied field's placeholder landed, bubbling the null
 * up to the nearest nullable position when the field is non-null (as GraphQL execution would),
 * and adds one UNAUTHORIZED_FIELD_OR_TYPE error per denied selection that appeared in the data.
 */
export function nullifyDeniedFields(
  data: Json | null | undefined,
  denials: readonly Denial[],
): { data: Json | null | undefined; errors: GraphQLError[] } {
  const errors: GraphQLError[] = [];
  if (!data) return { data, errors };
  let root: Json | null = data;
  for (const denial of denials) {
    let hits = 0;
    /** Returns true when `value` itself must become null. */
    const visitValue = (value: unknown, type: GraphQLOutputType, i: number): boolean => {
      if (value === null || value === undefined) return false;
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) {
        if (!Array.isArray(value)) return false;
        let listMustBeNull = false;
        value.forEach((item, j) => {
          if (visitValue(item, inner.ofType, i)) {
            value[j] = null;
            if (isNonNullType(inner.ofType)) listMustBeNull = true;
          }
        });
        return listMustBeNull;
      }
      return typeof value === 'object' && visitObject(value as Json, i);
    };
    const visitObject = (obj: Json, i: number): boolean => {
      const seg = denial.path[i];
      if (!seg || !hasOwn(obj, seg.key)) return false;
      if (i === denial.path.length - 1) {
        setOwn(obj, seg.key, null);
        hits += 1;
        return isNonNullType(seg.type);
      }
      if (visitValue(getOwn(obj, seg.key), seg.type, i + 1)) {
        setOwn(obj, seg.key, null);
        return isNonNullType(seg.type);
      }
      return false;
    };
    if (root && visitObject(root, 0)) root = null;
    if (!hits) continue;
    errors.push(
      urError(
        'UNAUTHORIZED_FIELD_OR_TYPE',
        `You may not read ${denialMessage(denial.coordinate, denial.verdict).replace(' needs ', ': it needs ')}`,
        { coordinate: denial.coordinate, missingScopes: denial.verdict.missingScopes },
        { path: errorPathOf(denial), nodes: [denial.node] },
      ),
    );
  }
  return { data: root, errors };
}
