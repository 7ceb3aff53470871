import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215317 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`medical_committee\` (\`id\` text not null, \`name\` text not null, \`name_en\` text not null, \`governorate_code\` text not null, \`active\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`medical_committee_governorate_code_index\` on \`medical_committee\` (\`governorate_code\`);`,
    );

    this.addSql(
      `create table \`committee_decision\` (\`id\` text not null, \`citizen_national_id\` text not null, \`committee_id\` text not null, \`session_date\` text not null, \`kind\` text not null, \`disability_type\` text not null, \`percentage\` integer not null, \`review_date\` text null, \`permanent\` integer not null, \`deliberations\` text not null, \`created_at\` text not null, constraint \`committee_decision_committee_id_foreign\` foreign key(\`committee_id\`) references \`medical_committee\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`committee_decision_committee_id_index\` on \`committee_decision\` (\`committee_id\`);`,
    );
    this.addSql(
      `create index \`committee_decision_citizen_national_id_created_at_index\` on \`committee_decision\` (\`citizen_national_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`committee_decision_committee_id_id_index\` on \`committee_decision\` (\`committee_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`disability_record\` (\`id\` text not null, \`citizen_national_id\` text not null, \`disability_type\` text not null, \`percentage\` integer not null, \`status\` text not null, \`valid_until\` text null, \`medical_notes\` text null, \`governorate_code\` text not null, \`last_decision_id\` text null, \`updated_at\` text not null, constraint \`disability_record_last_decision_id_foreign\` foreign key(\`last_decision_id\`) references \`committee_decision\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`disability_record_citizen_national_id_unique\` on \`disability_record\` (\`citizen_national_id\`);`,
    );
    this.addSql(`create index \`disability_record_status_index\` on \`disability_record\` (\`status\`);`);
    this.addSql(
      `create index \`disability_record_governorate_code_index\` on \`disability_record\` (\`governorate_code\`);`,
    );
    this.addSql(
      `create index \`disability_record_last_decision_id_index\` on \`disability_record\` (\`last_decision_id\`);`,
    );
  }
}
