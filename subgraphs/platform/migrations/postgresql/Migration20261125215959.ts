import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215959 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("seq" int not null, "at" varchar(32) not null, "request_id" varchar(64) not null, "client_id" varchar(64) null, "agency" varchar(16) null, "citizen_id" varchar(12) null, "purpose" varchar(64) null, "case_number" varchar(128) null, "operation_name" varchar(256) null, "document_hash" varchar(64) null, "fields_requested" jsonb not null, "fields_denied" jsonb not null, "subgraphs" jsonb not null, "outcome" varchar(64) not null, "duration_ms" int not null, "subjects" jsonb not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_entry_pkey" primary key ("seq"));`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_client_id_index" on "audit_entry" ("client_id");`);
    this.addSql(`create index "audit_entry_agency_index" on "audit_entry" ("agency");`);
    this.addSql(`create index "audit_entry_purpose_index" on "audit_entry" ("purpose");`);

    this.addSql(
      `create table "audit_subject" ("national_id" varchar(12) not null, "seq" int not null, constraint "audit_subject_pkey" primary key ("national_id", "seq"));`,
    );

    this.addSql(
      `create table "client" ("id" varchar(64) not null, "name" varchar(255) not null, "agency" varchar(16) not null, "scopes" jsonb not null, "purposes" jsonb not null, "rate_limit_per_minute" int not null, "status" varchar(16) not null, "updated_at" varchar(32) not null, constraint "client_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "client_key" ("id" varchar(64) not null, "client_id" varchar(64) not null, "public_key_pem" text not null, "status" varchar(16) not null, "created_at" varchar(32) not null, "revoked_at" varchar(32) null, constraint "client_key_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "client_key_client_id_index" on "client_key" ("client_id");`);

    this.addSql(
      `create table "purpose" ("code" varchar(64) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "legal_basis" text not null, "legal_basis_en" text not null, constraint "purpose_pkey" primary key ("code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "audit_subject" cascade;`);

    this.addSql(`drop table if exists "client" cascade;`);

    this.addSql(`drop table if exists "client_key" cascade;`);

    this.addSql(`drop table if exists "purpose" cascade;`);
  }
}
