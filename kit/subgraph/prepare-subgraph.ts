import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { openDatabase } from '../orm/open-database';
import { newStats, type SubgraphStats } from '../orm/query-counter';
import { buildSubgraphSchemaFrom } from './build-subgraph-schema';
import { collectSubjects } from './collect-subjects';
import type { SubgraphDefinition } from './define-subgraph';
import { shieldFromPolicy } from './shield-from-policy';

export interface DatabaseRuntimeOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly sqlitePath?: string;
  /** PostgreSQL schema override (tests isolate runs with it). */
  readonly databaseSchema?: string;
  readonly seed: 'auto' | 'never';
}

export interface PreparedSubgraph {
  readonly orm: MikroORM;
  /** The executable schema: policy enforced, subjects collected. */
  readonly schema: GraphQLSchema;
  readonly stats: SubgraphStats;
}

/** Seeds an empty database once, in one transaction: a failed seed leaves nothing half-written. */
async function seedIfEmpty(definition: SubgraphDefinition, orm: MikroORM): Promise<void> {
  const first = definition.entities[0];
  if (!first) return;
  const em = orm.em.fork();
  if ((await em.count(first)) > 0) return;
  await em.transactional((tx) => definition.seed(tx));
}

/**
 * Everything a subgraph is before it is served: database migrated and seeded when empty, and the
 * schema with graphql-shield enforcing its SDL policy and the subject collector for the audit.
 */
export async function prepareSubgraph(
  definition: SubgraphDefinition,
  options: DatabaseRuntimeOptions,
): Promise<PreparedSubgraph> {
  const stats = newStats();
  const orm = await openDatabase({
    name: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    sqlitePath: options.sqlitePath,
    schema: options.databaseSchema,
    stats,
  });
  try {
    if (options.seed === 'auto') await seedIfEmpty(definition, orm);
    // Subjects are collected inside the shield: a denied field records nobody.
    const schema = shieldFromPolicy(
      collectSubjects(await buildSubgraphSchemaFrom(definition), definition.subjects),
    );
    return { orm, schema, stats };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
