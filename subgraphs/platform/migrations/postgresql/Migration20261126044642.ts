import { Migration } from '@mikro-orm/migrations';

export class Migration20261126044642 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_journal_mark" ("journal" varchar(128) not null, "position" bigint not null, constraint "audit_journal_mark_pkey" primary key ("journal"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_journal_mark" cascade;`);
  }
}
