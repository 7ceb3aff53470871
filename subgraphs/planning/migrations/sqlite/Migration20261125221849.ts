import { Migration } from '@mikro-orm/migrations';

export class Migration20261125221849 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`contractor\` (\`id\` text not null, \`name\` text not null, \`name_en\` text not null, \`grade\` integer not null, \`status\` text not null, \`specialization_list\` text not null, \`registration_number\` text not null, \`governorate_code\` text not null, \`classified_at\` text not null, \`valid_until\` text not null, \`owner_national_id\` text not null, \`search_key\` text not null, \`version\` integer not null default 1, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`contractor_name_unique\` on \`contractor\` (\`name\`);`);
    this.addSql(`create unique index \`contractor_name_en_unique\` on \`contractor\` (\`name_en\`);`);
    this.addSql(`create index \`contractor_grade_index\` on \`contractor\` (\`grade\`);`);
    this.addSql(`create index \`contractor_status_index\` on \`contractor\` (\`status\`);`);
    this.addSql(
      `create unique index \`contractor_registration_number_unique\` on \`contractor\` (\`registration_number\`);`,
    );
    this.addSql(
      `create index \`contractor_governorate_code_index\` on \`contractor\` (\`governorate_code\`);`,
    );
    this.addSql(
      `create index \`contractor_owner_national_id_index\` on \`contractor\` (\`owner_national_id\`);`,
    );

    this.addSql(
      `create table \`classification_event\` (\`id\` text not null, \`contractor_id\` text not null, \`action\` text not null, \`grade\` integer not null, \`reason\` text null, \`at\` text not null, \`by_agency\` text not null, constraint \`classification_event_contractor_id_foreign\` foreign key(\`contractor_id\`) references \`contractor\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`classification_event_contractor_id_index\` on \`classification_event\` (\`contractor_id\`);`,
    );
    this.addSql(
      `create index \`classification_event_contractor_id_id_index\` on \`classification_event\` (\`contractor_id\`, \`id\`);`,
    );
  }
}
