import type { MikroORM } from '@mikro-orm/core';
import { ClientKey } from '../../subgraphs/platform/entities/client-key.entity';
import { Client } from '../../subgraphs/platform/entities/client.entity';
import { Purpose } from '../../subgraphs/platform/entities/purpose.entity';
import type { ClientRegistry, RegisteredClient, RegisteredKey } from './client';

/** The platform's registry in the router's own database (managed with the platform admin mutations). */
export class DatabaseClientRegistry implements ClientRegistry {
  constructor(private readonly orm: MikroORM) {}

  async findClient(id: string): Promise<RegisteredClient | undefined> {
    return (await this.orm.em.fork().findOne(Client, { id })) ?? undefined;
  }

  async findKey(id: string): Promise<RegisteredKey | undefined> {
    return (await this.orm.em.fork().findOne(ClientKey, { id })) ?? undefined;
  }

  async purposeExists(code: string): Promise<boolean> {
    return (await this.orm.em.fork().count(Purpose, { code })) > 0;
  }
}
