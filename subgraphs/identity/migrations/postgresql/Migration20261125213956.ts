import { Migration } from '@mikro-orm/migrations';

export class Migration20261125213956 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agency" ("code" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, constraint "agency_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "citizen" ("national_id" varchar(12) not null, "full_name" varchar(255) not null, "full_name_en" varchar(255) not null, "sex" varchar(6) not null, "birth_date" varchar(10) not null, "governorate_code" varchar(3) not null, "address" varchar(255) null, constraint "citizen_pkey" primary key ("national_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "citizen" cascade;`);
  }
}
