import type { EntityManager } from '@mikro-orm/core';
import { demoCitizens } from '../../kit/demo/citizens';
import { Random, seedOf } from '../../kit/demo/random';
import { AGENCIES } from '../../kit/demo/reference-data';
import { Agency } from './entities/agency.entity';
import { Citizen } from './entities/citizen.entity';

/** The civil-registry mirror: the whole demo population and the participating agencies. */
export async function seedIdentity(em: EntityManager): Promise<void> {
  const rnd = new Random(seedOf('identity.address'));
  for (const a of AGENCIES) em.create(Agency, { code: a.code, name: a.ar, nameEn: a.en });
  for (const c of demoCitizens()) {
    em.create(Citizen, {
      nationalId: c.nationalId,
      fullName: c.fullName,
      fullNameEn: c.fullNameEn,
      sex: c.sex,
      birthDate: c.birthDate,
      governorateCode: c.governorate,
      address: `محلة ${rnd.int(100, 999)}، زقاق ${rnd.int(1, 60)}، دار ${rnd.int(1, 120)}`,
    });
  }
  await em.flush();
}
