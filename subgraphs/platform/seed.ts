import type { EntityManager } from '@mikro-orm/core';
import { DEMO_REFERENCE_DATE } from '../../kit/demo/shared-keys';
import { DEMO_CLIENTS, DEMO_PURPOSES } from './demo-clients';
import { Client } from './entities/client.entity';
import { Purpose } from './entities/purpose.entity';

/** The platform's registry on first start: the demo clients and the registered purposes. */
export async function seedPlatform(em: EntityManager): Promise<void> {
  for (const c of DEMO_CLIENTS) {
    em.create(Client, {
      ...c,
      scopes: [...c.scopes],
      purposes: [...c.purposes],
      status: 'ACTIVE',
      updatedAt: `${DEMO_REFERENCE_DATE}T00:00:00.000Z`,
    });
  }
  for (const p of DEMO_PURPOSES) em.create(Purpose, { ...p });
  await em.flush();
}
