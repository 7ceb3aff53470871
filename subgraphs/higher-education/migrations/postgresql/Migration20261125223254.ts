import { Migration } from '@mikro-orm/migrations';

export class Migration20261125223254 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "university" ("id" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "governorate_code" varchar(3) not null, "type" varchar(24) not null, constraint "university_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "university_governorate_code_index" on "university" ("governorate_code");`);

    this.addSql(
      `create table "postgraduate_program" ("id" varchar(16) not null, "university_id" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "degree" varchar(24) not null, "seats" int not null, constraint "postgraduate_program_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "postgraduate_program_university_id_id_index" on "postgraduate_program" ("university_id", "id");`,
    );

    this.addSql(
      `create table "admission_rule" ("id" varchar(24) not null, "program_id" varchar(16) not null, "accepted_specialization_codes" jsonb not null, "accepted_prior_degrees" jsonb not null, "minimum_grade_average" double precision not null, "max_years_since_graduation" int null, constraint "admission_rule_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "admission_rule_program_id_id_index" on "admission_rule" ("program_id", "id");`,
    );

    this.addSql(
      `create table "college" ("id" varchar(32) not null, "university_id" varchar(16) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, constraint "college_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "college_university_id_id_index" on "college" ("university_id", "id");`);

    this.addSql(
      `create table "department" ("id" varchar(48) not null, "college_id" varchar(32) not null, "name" varchar(255) not null, "name_en" varchar(255) not null, "specialization_code" varchar(24) not null, constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "department_college_id_id_index" on "department" ("college_id", "id");`);

    this.addSql(
      `create table "academic_document" ("id" varchar(16) not null, "holder_national_id" varchar(12) not null, "university_id" varchar(16) not null, "department_id" varchar(48) not null, "kind" varchar(24) not null, "specialization_code" varchar(24) not null, "graduation_year" int not null, "grade_average" double precision not null, "serial_number" varchar(24) not null, "issued_at" varchar(10) not null, "document_id" varchar(16) not null, "signing_key_generation" int not null, "status" varchar(24) not null, "revoked_at" varchar(24) null, "revocation_reason" text null, constraint "academic_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "academic_document_specialization_code_index" on "academic_document" ("specialization_code");`,
    );
    this.addSql(
      `alter table "academic_document" add constraint "academic_document_serial_number_unique" unique ("serial_number");`,
    );
    this.addSql(
      `alter table "academic_document" add constraint "academic_document_document_id_unique" unique ("document_id");`,
    );
    this.addSql(
      `create index "academic_document_university_id_id_index" on "academic_document" ("university_id", "id");`,
    );
    this.addSql(
      `create index "academic_document_holder_national_id_id_index" on "academic_document" ("holder_national_id", "id");`,
    );

    this.addSql(
      `create table "verification_request" ("id" varchar(40) not null, "requested_by_client" varchar(64) not null, "requested_by_agency" varchar(16) null, "purpose" varchar(64) null, "case_number" varchar(64) null, "method" varchar(24) not null, "value" varchar(128) not null, "holder_national_id" varchar(12) null, "presented_kind" varchar(24) null, "presented_specialization_code" varchar(24) null, "presented_graduation_year" int null, "presented_grade_average" double precision null, "academic_document_id" varchar(16) null, "university_id" varchar(16) null, "outcome" varchar(24) not null, "reason_list" jsonb not null, "mismatched_fields" jsonb not null, "at" varchar(24) not null, constraint "verification_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "verification_request_requested_by_client_id_index" on "verification_request" ("requested_by_client", "id");`,
    );
    this.addSql(
      `create index "verification_request_university_id_id_index" on "verification_request" ("university_id", "id");`,
    );

    this.addSql(
      `alter table "postgraduate_program" add constraint "postgraduate_program_university_id_foreign" foreign key ("university_id") references "university" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "admission_rule" add constraint "admission_rule_program_id_foreign" foreign key ("program_id") references "postgraduate_program" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "college" add constraint "college_university_id_foreign" foreign key ("university_id") references "university" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "department" add constraint "department_college_id_foreign" foreign key ("college_id") references "college" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "academic_document" add constraint "academic_document_university_id_foreign" foreign key ("university_id") references "university" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "academic_document" add constraint "academic_document_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "verification_request" add constraint "verification_request_academic_document_id_foreign" foreign key ("academic_document_id") references "academic_document" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "verification_request" add constraint "verification_request_university_id_foreign" foreign key ("university_id") references "university" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "postgraduate_program" drop constraint "postgraduate_program_university_id_foreign";`,
    );

    this.addSql(`alter table "college" drop constraint "college_university_id_foreign";`);

    this.addSql(`alter table "academic_document" drop constraint "academic_document_university_id_foreign";`);

    this.addSql(
      `alter table "verification_request" drop constraint "verification_request_university_id_foreign";`,
    );

    this.addSql(`alter table "admission_rule" drop constraint "admission_rule_program_id_foreign";`);

    this.addSql(`alter table "department" drop constraint "department_college_id_foreign";`);

    this.addSql(`alter table "academic_document" drop constraint "academic_document_department_id_foreign";`);

    this.addSql(
      `alter table "verification_request" drop constraint "verification_request_academic_document_id_foreign";`,
    );

    this.addSql(`drop table if exists "university" cascade;`);

    this.addSql(`drop table if exists "postgraduate_program" cascade;`);

    this.addSql(`drop table if exists "admission_rule" cascade;`);

    this.addSql(`drop table if exists "college" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "academic_document" cascade;`);

    this.addSql(`drop table if exists "verification_request" cascade;`);
  }
}
