import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * The last records-register number given per agency and year. Incremented in one atomic
 * upsert (see rules/register-number.rules.ts), so two registrations never get the same number.
 */
@Entity({ tableName: 'record_register_counter' })
export class RecordRegisterCounter {
  [PrimaryKeyProp]?: ['agencyCode', 'year'];

  @PrimaryKey({ type: 'string', length: 16 })
  agencyCode!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
