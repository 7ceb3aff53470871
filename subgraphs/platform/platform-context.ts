import type { Policy } from '../../kit/policy/read-policy';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';

/**
 * The platform subgraph runs inside the router, beside the data it serves (client registry,
 * audit trail), so its resolvers also see the composed graph's policy: that is how a caller can
 * ask what it may read.
 */
export interface PlatformContext extends SubgraphContext {
  readonly supergraph?: { readonly policy: Policy };
  /**
   * Resolves once the audit entries the router has journaled are in the chain: a caller reading
   * the audit trail sees every operation answered before (`AuditJournal` copies with a short delay).
   */
  readonly auditWritten?: () => Promise<void>;
}
