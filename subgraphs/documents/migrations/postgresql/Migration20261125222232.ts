import { Migration } from '@mikro-orm/migrations';

export class Migration20261125222232 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "document" ("id" varchar(64) not null, "title" varchar(300) not null, "title_en" varchar(300) null, "type" varchar(40) not null, "language" varchar(8) not null, "classification" varchar(16) not null, "issuing_agency" varchar(16) not null, "issuer_id" varchar(16) null, "registered_number" varchar(40) null, "created_at" varchar(24) not null, "created_by" varchar(64) not null, "current_version" int not null, "status" varchar(16) not null, "status_since" varchar(24) null, "status_reason" text null, "verification_code" varchar(12) null, "signature" varchar(100) null, "key_id" varchar(32) null, "signed_at" varchar(24) null, "issued_at" varchar(10) null, "valid_until" varchar(10) null, "signed_fields" text null, "signed_content_hash" varchar(64) null, constraint "document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "document_type_index" on "document" ("type");`);
    this.addSql(`create index "document_classification_index" on "document" ("classification");`);
    this.addSql(`create index "document_issuer_id_index" on "document" ("issuer_id");`);
    this.addSql(
      `alter table "document" add constraint "document_registered_number_unique" unique ("registered_number");`,
    );
    this.addSql(`create index "document_created_at_index" on "document" ("created_at");`);
    this.addSql(`create index "document_status_index" on "document" ("status");`);
    this.addSql(
      `alter table "document" add constraint "document_verification_code_unique" unique ("verification_code");`,
    );
    this.addSql(
      `create index "document_issuing_agency_type_index" on "document" ("issuing_agency", "type");`,
    );

    this.addSql(
      `create table "document_version" ("id" varchar(80) not null, "document_id" varchar(64) not null, "version" int not null, "bytes" bytea not null, "content_hash" varchar(64) not null, "size" int not null, "media_type" varchar(100) not null, "created_at" varchar(24) not null, "created_by" varchar(64) not null, constraint "document_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "document_version" add constraint "document_version_document_id_version_unique" unique ("document_id", "version");`,
    );

    this.addSql(
      `create table "issuer" ("id" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "agency_code" varchar(16) not null, "kind" varchar(16) not null, constraint "issuer_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "issuer_key" ("key_id" varchar(32) not null, "issuer_id" varchar(16) not null, "generation" int not null, "algorithm" varchar(16) not null, "public_key" varchar(64) not null, "private_key" text not null, "valid_from" varchar(24) not null, "valid_until" varchar(24) null, "revoked_at" varchar(24) null, "revocation_reason" text null, constraint "issuer_key_pkey" primary key ("key_id"));`,
    );

    this.addSql(
      `create table "record_register_counter" ("agency_code" varchar(16) not null, "year" int not null, "last_number" int not null, constraint "record_register_counter_pkey" primary key ("agency_code", "year"));`,
    );

    this.addSql(
      `create table "retention_rule" ("document_type" varchar(40) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "retain_years" int not null, "disposition" varchar(24) not null, constraint "retention_rule_pkey" primary key ("document_type"));`,
    );

    this.addSql(
      `alter table "document_version" add constraint "document_version_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "issuer_key" add constraint "issuer_key_issuer_id_foreign" foreign key ("issuer_id") references "issuer" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "document_version" drop constraint "document_version_document_id_foreign";`);

    this.addSql(`alter table "issuer_key" drop constraint "issuer_key_issuer_id_foreign";`);

    this.addSql(`drop table if exists "document" cascade;`);

    this.addSql(`drop table if exists "document_version" cascade;`);

    this.addSql(`drop table if exists "issuer" cascade;`);

    this.addSql(`drop table if exists "issuer_key" cascade;`);

    this.addSql(`drop table if exists "record_register_counter" cascade;`);

    this.addSql(`drop table if exists "retention_rule" cascade;`);
  }
}
