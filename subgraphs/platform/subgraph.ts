import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { AuditEntry } from './entities/audit-entry.entity';
import { AuditJournalMark } from './entities/audit-journal-mark.entity';
import { AuditSubject } from './entities/audit-subject.entity';
import { ClientKey } from './entities/client-key.entity';
import { Client } from './entities/client.entity';
import { Purpose } from './entities/purpose.entity';
import { migrations } from './migrations';
import { AuditResolver } from './resolvers/audit.resolver';
import { ClientResolver } from './resolvers/client.resolver';
import { PermissionResolver } from './resolvers/permission.resolver';
import { PurposeResolver } from './resolvers/purpose.resolver';
import { seedPlatform } from './seed';

/**
 * National Data Center trust services: client registry, purposes, audit trail, the citizen's
 * data tracker and permission introspection. Served by the router in-process (its database is
 * the router's own), not as a separate server.
 */
export const platform = defineSubgraph({
  name: 'platform',
  agency: 'NDC',
  port: 4000,
  entities: [Client, ClientKey, Purpose, AuditEntry, AuditSubject, AuditJournalMark],
  resolvers: [ClientResolver, PurposeResolver, AuditResolver, PermissionResolver],
  references: {
    Client: (ref: { id: string }, ctx: SubgraphContext) => ctx.loaders.one(Client).load(ref.id),
  },
  migrations,
  seed: seedPlatform,
});
