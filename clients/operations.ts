import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The documents in clients/operations/, by file name, for `urClient().request`. */
export function operation(file: string): string {
  return readFileSync(join(__dirname, 'operations', file), 'utf8');
}
