/**
 * Own-property access for data that came over the wire. Response keys are chosen by callers
 * (aliases) and by subgraphs: a key such as `__proto__` or `constructor` must read and write a
 * property of that name, never reach Object.prototype (prototype pollution) or an inherited member.
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(obj: object, key: string): boolean {
  return hasOwnProperty.call(obj, key);
}

export function getOwn(obj: object, key: string): unknown {
  return hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else (obj as Record<string, unknown>)[key] = value;
}
