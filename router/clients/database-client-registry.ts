import type { MikroORM } from '@mikro-orm/core';
import { driverRows, type SqlDriver } from '../../kit/orm/driver-sql';
import { ormDriver } from '../../kit/orm/orm-driver';
import type { ClientRegistry, FoundClient, RegisteredClient, RegisteredKey } from './client';

type Row = Record<string, unknown>;

/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
function list(value: unknown): string[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as string[];
}

/**
 * The platform's registry in the router's own database (managed with the platform admin
 * mutations), read on every request so that a change applies to the next one. Indexed reads by
 * primary key with prepared statements on the driver (`driverRows`): an ORM unit of work per
 * lookup cost ten times more, and MikroORM's `execute` prepares the statement on every call.
 */
export class DatabaseClientRegistry implements ClientRegistry {
  private readonly driver: SqlDriver;

  constructor(orm: MikroORM) {
    this.driver = ormDriver(orm);
  }

  private async one(sql: string, id: string): Promise<Row | undefined> {
    return (await driverRows(this.driver, sql, [id]))[0];
  }

  async findClient(id: string, purpose?: string | null): Promise<FoundClient | undefined> {
    const [row] = await driverRows(
      this.driver,
      'select id, name, agency, scopes, purposes, rate_limit_per_minute, status, ' +
        'exists(select 1 from purpose where code = ?) as purpose_registered from client where id = ?',
      [purpose ?? '', id],
    );
    if (!row) return undefined;
    return {
      id: String(row.id),
      name: String(row.name),
      agency: String(row.agency),
      scopes: list(row.scopes),
      purposes: list(row.purposes),
      rateLimitPerMinute: Number(row.rate_limit_per_minute),
      status: row.status as RegisteredClient['status'],
      // SQLite answers 0 or 1, PostgreSQL a boolean.
      purposeRegistered: Boolean(purpose) && Number(row.purpose_registered) === 1,
    };
  }

  async findKey(id: string): Promise<RegisteredKey | undefined> {
    const row = await this.one(
      'select id, client_id, public_key_pem, status from client_key where id = ?',
      id,
    );
    if (!row) return undefined;
    return {
      id: String(row.id),
      clientId: String(row.client_id),
      publicKeyPem: String(row.public_key_pem),
      status: row.status as RegisteredKey['status'],
    };
  }
}
