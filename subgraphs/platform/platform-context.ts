import type { Policy } from '../../kit/policy/read-policy';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';

/**
 * The platform subgraph runs inside the router, beside the data it serves (client registry,
 * audit trail), so its resolvers also see the composed graph's policy: that is how a caller can
 * ask what it may read.
 */
export interface PlatformContext extends SubgraphContext {
  readonly supergraph?: { readonly policy: Policy };
}
