import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215317 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "medical_committee" ("id" varchar(40) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "governorate_code" varchar(3) not null, "active" boolean not null, constraint "medical_committee_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "medical_committee_governorate_code_index" on "medical_committee" ("governorate_code");`,
    );

    this.addSql(
      `create table "committee_decision" ("id" varchar(40) not null, "citizen_national_id" varchar(12) not null, "committee_id" varchar(40) not null, "session_date" varchar(10) not null, "kind" varchar(16) not null, "disability_type" varchar(16) not null, "percentage" int not null, "review_date" varchar(10) null, "permanent" boolean not null, "deliberations" text not null, "created_at" varchar(24) not null, constraint "committee_decision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "committee_decision_citizen_national_id_created_at_index" on "committee_decision" ("citizen_national_id", "created_at");`,
    );
    this.addSql(
      `create index "committee_decision_committee_id_id_index" on "committee_decision" ("committee_id", "id");`,
    );

    this.addSql(
      `create table "disability_record" ("id" varchar(40) not null, "citizen_national_id" varchar(12) not null, "disability_type" varchar(16) not null, "percentage" int not null, "status" varchar(16) not null, "valid_until" varchar(10) null, "medical_notes" text null, "governorate_code" varchar(3) not null, "last_decision_id" varchar(40) null, "updated_at" varchar(24) not null, constraint "disability_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "disability_record" add constraint "disability_record_citizen_national_id_unique" unique ("citizen_national_id");`,
    );
    this.addSql(`create index "disability_record_status_index" on "disability_record" ("status");`);
    this.addSql(
      `create index "disability_record_governorate_code_index" on "disability_record" ("governorate_code");`,
    );

    this.addSql(
      `alter table "committee_decision" add constraint "committee_decision_committee_id_foreign" foreign key ("committee_id") references "medical_committee" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "disability_record" add constraint "disability_record_last_decision_id_foreign" foreign key ("last_decision_id") references "committee_decision" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "committee_decision" drop constraint "committee_decision_committee_id_foreign";`,
    );

    this.addSql(
      `alter table "disability_record" drop constraint "disability_record_last_decision_id_foreign";`,
    );

    this.addSql(`drop table if exists "medical_committee" cascade;`);

    this.addSql(`drop table if exists "committee_decision" cascade;`);

    this.addSql(`drop table if exists "disability_record" cascade;`);
  }
}
