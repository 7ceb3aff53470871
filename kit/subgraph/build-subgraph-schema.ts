import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { SubgraphDefinition } from './define-subgraph';

/** Federation features every subgraph may use; the authorization directives carry the policy. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: [
  "@key", "@shareable", "@external", "@requires", "@provides", "@extends",
  "@authenticated", "@requiresScopes", "@policy"
])`;

/**
 * type-graphql classes → a federation subgraph schema. type-graphql cannot emit the federation
 * directives' definitions, so its SDL (with directive uses kept) is re-read by @apollo/subgraph,
 * and the resolvers are carried over as a map, with each entity's `__resolveReference` added.
 */
export async function buildSubgraphSchemaFrom(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  const typeSchema = await buildSchema({
    resolvers: definition.resolvers,
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  const resolvers = createResolversMap(typeSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolve] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolve };
  }
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as any });
}
