import { type GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphDefinition } from './define-subgraph';
import type { SubgraphContext } from './subgraph-context';

/** Response extension through which a subgraph tells the router whose personal data it returned. */
export const SUBJECTS_EXTENSION = 'urSubjects';

/**
 * Records the national ID of every person whose record a field is resolved from, where it is
 * resolved (never guessed from the response text): for each type listed in the definition's
 * `subjects`, any field of it that runs adds its parent's subject to `ctx.subjects`.
 */
export function collectSubjects(
  schema: GraphQLSchema,
  subjects: SubgraphDefinition['subjects'],
): GraphQLSchema {
  if (!subjects || !Object.keys(subjects).length) return schema;
  const middleware: Record<string, Record<string, unknown>> = {};
  for (const [typeName, subjectOf] of Object.entries(subjects)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`subjects names ${typeName}, which is not an object type`);
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(type.getFields())) {
      fields[field] = (
        resolve: (p: unknown, a: unknown, c: SubgraphContext, i: unknown) => unknown,
        parent: unknown,
        args: unknown,
        ctx: SubgraphContext,
        info: unknown,
      ) => {
        const subject = parent ? subjectOf(parent) : undefined;
        if (subject) ctx.subjects.add(subject);
        return resolve(parent, args, ctx, info);
      };
    }
    middleware[typeName] = fields;
  }
  return applyMiddleware(schema, middleware as never);
}

/** Puts the collected subjects in the response's extensions for the router's audit. */
export const subjectsPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !contextValue.subjects.size) return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          [SUBJECTS_EXTENSION]: [...contextValue.subjects],
        };
      },
    };
  },
};
