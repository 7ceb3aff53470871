/** A row a foreign key guarantees: missing, it is a fault in the data, not the caller's mistake. */
export function loadedOrFault<T>(row: T | null, what: string, id: string): T {
  if (row === null) throw new Error(`missing ${what} ${id} behind a foreign key`);
  return row;
}
