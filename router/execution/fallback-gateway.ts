import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLDataSource } from '@apollo/gateway/dist/datasources/types';
import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import type { RouterContext } from '../router-context';

export interface FallbackGatewayOptions {
  /** The supergraph @apollo/gateway executes (security features stripped). */
  readonly supergraphSdl: string;
  /** The router's data source per subgraph, shared with its own executor. */
  readonly buildService: (name: string, url: string | undefined) => GraphQLDataSource<RouterContext>;
}

/**
 * @apollo/gateway for what the router's own executor leaves to it (`@defer`, operations mixing
 * introspection with data, plans with data rewrites, `executor: 'gateway'`), loaded on first use.
 * Loading it costs about 20 MB of heap (it brings OpenTelemetry metrics and four cloud resource
 * detectors): a router that never needs it never pays that.
 */
export class FallbackGateway {
  private loading: Promise<{ gateway: ApolloGateway; executor: GatewayExecutor }> | undefined;

  constructor(private readonly options: FallbackGatewayOptions) {}

  /** Whether @apollo/gateway has been loaded (for tests and the memory figures). */
  get loaded(): boolean {
    return this.loading !== undefined;
  }

  /** Loads @apollo/gateway now rather than on the first operation it runs. */
  async load(): Promise<GatewayExecutor> {
    this.loading ??= (async () => {
      const { ApolloGateway } = await import('@apollo/gateway');
      const gateway = new ApolloGateway({
        supergraphSdl: this.options.supergraphSdl,
        buildService: ({ name, url }) => this.options.buildService(name, url),
      });
      const { executor } = await gateway.load();
      if (!executor) throw new Error('@apollo/gateway loaded without an executor');
      return { gateway, executor };
    })();
    return (await this.loading).executor;
  }

  readonly executor: GatewayExecutor = async (requestContext) => (await this.load())(requestContext);

  async stop(): Promise<void> {
    if (this.loading) await (await this.loading).gateway.stop();
  }
}
