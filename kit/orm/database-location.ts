import type { MikroORM } from '@mikro-orm/core';

/**
 * Where an open database lives, for another process to open it too (the audit copier): a SQLite
 * file, or a PostgreSQL database and the schema its tables are in.
 */
export type DatabaseLocation =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgresql'; readonly url: string; readonly schema: string };

/**
 * Where `orm`'s database lives, read from the options it was opened with; undefined for an
 * in-memory SQLite database, which no other process can open.
 */
export function databaseLocationOf(orm: MikroORM): DatabaseLocation | undefined {
  const url = orm.config.get('clientUrl');
  if (url) return { dialect: 'postgresql', url, schema: orm.config.get('schema') ?? 'public' };
  const file = orm.config.get('dbName');
  return file && file !== ':memory:' ? { dialect: 'sqlite', file } : undefined;
}
