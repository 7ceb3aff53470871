import { Migration } from '@mikro-orm/migrations';

export class Migration20261125223254 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`university\` (\`id\` text not null, \`name\` text not null, \`name_en\` text not null, \`governorate_code\` text not null, \`type\` text not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`university_governorate_code_index\` on \`university\` (\`governorate_code\`);`,
    );

    this.addSql(
      `create table \`postgraduate_program\` (\`id\` text not null, \`university_id\` text not null, \`name\` text not null, \`name_en\` text not null, \`degree\` text not null, \`seats\` integer not null, constraint \`postgraduate_program_university_id_foreign\` foreign key(\`university_id\`) references \`university\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`postgraduate_program_university_id_index\` on \`postgraduate_program\` (\`university_id\`);`,
    );
    this.addSql(
      `create index \`postgraduate_program_university_id_id_index\` on \`postgraduate_program\` (\`university_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`admission_rule\` (\`id\` text not null, \`program_id\` text not null, \`accepted_specialization_codes\` json not null, \`accepted_prior_degrees\` json not null, \`minimum_grade_average\` double not null, \`max_years_since_graduation\` integer null, constraint \`admission_rule_program_id_foreign\` foreign key(\`program_id\`) references \`postgraduate_program\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`admission_rule_program_id_index\` on \`admission_rule\` (\`program_id\`);`);
    this.addSql(
      `create index \`admission_rule_program_id_id_index\` on \`admission_rule\` (\`program_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`college\` (\`id\` text not null, \`university_id\` text not null, \`name\` text not null, \`name_en\` text not null, constraint \`college_university_id_foreign\` foreign key(\`university_id\`) references \`university\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`college_university_id_index\` on \`college\` (\`university_id\`);`);
    this.addSql(
      `create index \`college_university_id_id_index\` on \`college\` (\`university_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`department\` (\`id\` text not null, \`college_id\` text not null, \`name\` text not null, \`name_en\` text not null, \`specialization_code\` text not null, constraint \`department_college_id_foreign\` foreign key(\`college_id\`) references \`college\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`department_college_id_index\` on \`department\` (\`college_id\`);`);
    this.addSql(
      `create index \`department_college_id_id_index\` on \`department\` (\`college_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`academic_document\` (\`id\` text not null, \`holder_national_id\` text not null, \`university_id\` text not null, \`department_id\` text not null, \`kind\` text not null, \`specialization_code\` text not null, \`graduation_year\` integer not null, \`grade_average\` double not null, \`serial_number\` text not null, \`issued_at\` text not null, \`document_id\` text not null, \`signing_key_generation\` integer not null, \`status\` text not null, \`revoked_at\` text null, \`revocation_reason\` text null, constraint \`academic_document_university_id_foreign\` foreign key(\`university_id\`) references \`university\`(\`id\`) on update cascade, constraint \`academic_document_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`academic_document_university_id_index\` on \`academic_document\` (\`university_id\`);`,
    );
    this.addSql(
      `create index \`academic_document_department_id_index\` on \`academic_document\` (\`department_id\`);`,
    );
    this.addSql(
      `create index \`academic_document_specialization_code_index\` on \`academic_document\` (\`specialization_code\`);`,
    );
    this.addSql(
      `create unique index \`academic_document_serial_number_unique\` on \`academic_document\` (\`serial_number\`);`,
    );
    this.addSql(
      `create unique index \`academic_document_document_id_unique\` on \`academic_document\` (\`document_id\`);`,
    );
    this.addSql(
      `create index \`academic_document_university_id_id_index\` on \`academic_document\` (\`university_id\`, \`id\`);`,
    );
    this.addSql(
      `create index \`academic_document_holder_national_id_id_index\` on \`academic_document\` (\`holder_national_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`verification_request\` (\`id\` text not null, \`requested_by_client\` text not null, \`requested_by_agency\` text null, \`purpose\` text null, \`case_number\` text null, \`method\` text not null, \`value\` text not null, \`holder_national_id\` text null, \`presented_kind\` text null, \`presented_specialization_code\` text null, \`presented_graduation_year\` integer null, \`presented_grade_average\` double null, \`academic_document_id\` text null, \`university_id\` text null, \`outcome\` text not null, \`reason_list\` json not null, \`mismatched_fields\` json not null, \`at\` text not null, constraint \`verification_request_academic_document_id_foreign\` foreign key(\`academic_document_id\`) references \`academic_document\`(\`id\`) on delete set null on update cascade, constraint \`verification_request_university_id_foreign\` foreign key(\`university_id\`) references \`university\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`verification_request_academic_document_id_index\` on \`verification_request\` (\`academic_document_id\`);`,
    );
    this.addSql(
      `create index \`verification_request_university_id_index\` on \`verification_request\` (\`university_id\`);`,
    );
    this.addSql(
      `create index \`verification_request_requested_by_client_id_index\` on \`verification_request\` (\`requested_by_client\`, \`id\`);`,
    );
    this.addSql(
      `create index \`verification_request_university_id_id_index\` on \`verification_request\` (\`university_id\`, \`id\`);`,
    );
  }
}
