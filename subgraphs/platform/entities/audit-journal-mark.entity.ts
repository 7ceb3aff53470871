import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far a router's audit journal has been copied into the chain: written in the same
 * transaction as the entries it covers, so a journal replayed after a crash is shipped exactly once.
 */
@Entity({ tableName: 'audit_journal_mark' })
export class AuditJournalMark {
  /** The journal file's name (unique per router process start). */
  @PrimaryKey({ type: 'string', length: 128 })
  journal!: string;

  /** Bytes of the journal whose entries are in `audit_entry`. */
  @Property({ type: 'bigint' })
  position!: string;
}
