import type {
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
} from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { MikroORM } from '@mikro-orm/core';
import { type DocumentNode, execute, type GraphQLSchema, Kind, OperationTypeNode, parse } from 'graphql';
import type { Policy } from '../../kit/policy/read-policy';
import { Loaders } from '../../kit/subgraph/loaders';
import type { PlatformContext } from '../../subgraphs/platform/platform-context';
import type { RouterContext } from '../router-context';
import { BoundedCache } from '../../kit/cache/bounded-cache';

/**
 * The platform subgraph (client registry, audit trail), executed in the router's process against
 * the router's own database: no network hop and no signed context needed, since the caller was
 * authenticated by this very process. The subgraph's own shield still enforces its SDL policy.
 */
export class PlatformDataSource implements GraphQLDataSource<RouterContext> {
  private readonly documents = new BoundedCache<string, DocumentNode>(1000);

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly orm: MikroORM,
    private readonly policy: Policy,
    /** Resolves once the audit entries journaled so far are in the chain (read-your-writes). */
    private readonly auditWritten: () => Promise<void>,
    /** Told after every mutation (it may have changed clients or purposes). */
    private readonly changed: () => void = () => undefined,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables } = options.request;
    if (!query || !('context' in options) || !options.context?.caller) {
      return {
        errors: [{ message: 'The platform subgraph answers only operations.' }],
      } as GatewayGraphQLResponse;
    }
    const document = this.documents.getOrSet(query, () => parse(query));
    const em = this.orm.em.fork();
    const contextValue: PlatformContext = {
      caller: options.context.caller,
      em,
      loaders: new Loaders(em),
      subjects: new Set(),
      supergraph: { policy: this.policy },
      auditWritten: this.auditWritten,
    };
    options.context.subgraphsCalled.add('platform');
    const mutation = document.definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.MUTATION,
    );
    try {
      const result = await execute({
        schema: this.schema,
        document,
        variableValues: variables,
        contextValue,
      });
      return result as GatewayGraphQLResponse;
    } finally {
      if (mutation) this.changed();
    }
  }
}
