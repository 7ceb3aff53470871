import { Entity, PrimaryKey } from '@mikro-orm/core';

/** Index of audit entries by the citizen whose data they returned (for the citizen's data tracker). */
@Entity({ tableName: 'audit_subject' })
export class AuditSubject {
  @PrimaryKey({ type: 'string', length: 12 })
  nationalId!: string;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;
}
