import { Migration } from '@mikro-orm/migrations';

export class Migration20261125221850 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "contractor" ("id" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "grade" int not null, "status" varchar(12) not null, "specialization_list" varchar(255) not null, "registration_number" varchar(32) not null, "governorate_code" varchar(3) not null, "classified_at" varchar(10) not null, "valid_until" varchar(10) not null, "owner_national_id" varchar(12) not null, "search_key" text not null, "version" int not null default 1, constraint "contractor_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "contractor" add constraint "contractor_name_unique" unique ("name");`);
    this.addSql(`alter table "contractor" add constraint "contractor_name_en_unique" unique ("name_en");`);
    this.addSql(`create index "contractor_grade_index" on "contractor" ("grade");`);
    this.addSql(`create index "contractor_status_index" on "contractor" ("status");`);
    this.addSql(
      `alter table "contractor" add constraint "contractor_registration_number_unique" unique ("registration_number");`,
    );
    this.addSql(`create index "contractor_governorate_code_index" on "contractor" ("governorate_code");`);
    this.addSql(`create index "contractor_owner_national_id_index" on "contractor" ("owner_national_id");`);

    this.addSql(
      `create table "classification_event" ("id" varchar(24) not null, "contractor_id" varchar(16) not null, "action" varchar(12) not null, "grade" int not null, "reason" text null, "at" varchar(10) not null, "by_agency" varchar(16) not null, constraint "classification_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "classification_event_contractor_id_id_index" on "classification_event" ("contractor_id", "id");`,
    );

    this.addSql(
      `alter table "classification_event" add constraint "classification_event_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "classification_event" drop constraint "classification_event_contractor_id_foreign";`,
    );

    this.addSql(`drop table if exists "contractor" cascade;`);

    this.addSql(`drop table if exists "classification_event" cascade;`);
  }
}
