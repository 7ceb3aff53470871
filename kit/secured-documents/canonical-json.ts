/**
 * The one byte sequence a statement is signed as. A signature covers bytes, not objects: the
 * signer and every verifier (the subgraph, the offline CLI, the router's /verify page, a
 * third-party app reading a QR code) must turn the same fields into the same bytes. Plain
 * `JSON.stringify` keeps insertion order, so two programs building the same object differently
 * would disagree; here object keys are sorted (by UTF-16 code unit, as `Array.prototype.sort`
 * does) at every depth, there is no whitespace, and strings are escaped as JSON.stringify escapes
 * them. Only what JSON can carry unambiguously is accepted: no undefined inside arrays, no
 * non-finite numbers, no functions, dates or class instances (call toISOString first).
 */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalJson(v)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonical JSON takes plain objects only');
      }
      const record = value as { readonly [key: string]: CanonicalValue | undefined };
      // Absent and undefined are the same thing: an optional field left out.
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k] as CanonicalValue)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`);
  }
}
