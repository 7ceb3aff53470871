import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215539 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "municipal_project" ("id" varchar(48) not null, "title" varchar(255) not null, "title_en" varchar(255) not null, "governorate_code" varchar(3) not null, "budget" double precision not null, "progress" int not null, "status" varchar(16) not null, "planned_start_date" varchar(10) not null, "planned_end_date" varchar(10) not null, "completed_at" varchar(10) null, "suspension_reason" varchar(255) null, "contractor_id" varchar(16) not null, constraint "municipal_project_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "municipal_project_governorate_code_index" on "municipal_project" ("governorate_code");`,
    );
    this.addSql(
      `create index "municipal_project_contractor_id_index" on "municipal_project" ("contractor_id");`,
    );

    this.addSql(
      `create table "inspection" ("id" varchar(48) not null, "project_id" varchar(48) not null, "date" varchar(10) not null, "inspector" varchar(255) not null, "result" varchar(8) not null, "notes" text null, constraint "inspection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inspection_project_id_date_index" on "inspection" ("project_id", "date");`);

    this.addSql(
      `create table "progress_report" ("id" varchar(48) not null, "project_id" varchar(48) not null, "sequence" int not null, "reported_at" varchar(10) not null, "progress" int not null, "previous_progress" int not null, "note" text null, "reason" text null, "reported_by" varchar(64) not null, constraint "progress_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_project_id_sequence_unique" unique ("project_id", "sequence");`,
    );

    this.addSql(
      `alter table "inspection" add constraint "inspection_project_id_foreign" foreign key ("project_id") references "municipal_project" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "progress_report" add constraint "progress_report_project_id_foreign" foreign key ("project_id") references "municipal_project" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspection" drop constraint "inspection_project_id_foreign";`);

    this.addSql(`alter table "progress_report" drop constraint "progress_report_project_id_foreign";`);

    this.addSql(`drop table if exists "municipal_project" cascade;`);

    this.addSql(`drop table if exists "inspection" cascade;`);

    this.addSql(`drop table if exists "progress_report" cascade;`);
  }
}
