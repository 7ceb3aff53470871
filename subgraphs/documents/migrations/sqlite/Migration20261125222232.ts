import { Migration } from '@mikro-orm/migrations';

export class Migration20261125222232 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`document\` (\`id\` text not null, \`title\` text not null, \`title_en\` text null, \`type\` text not null, \`language\` text not null, \`classification\` text not null, \`issuing_agency\` text not null, \`issuer_id\` text null, \`registered_number\` text null, \`created_at\` text not null, \`created_by\` text not null, \`current_version\` integer not null, \`status\` text not null, \`status_since\` text null, \`status_reason\` text null, \`verification_code\` text null, \`signature\` text null, \`key_id\` text null, \`signed_at\` text null, \`issued_at\` text null, \`valid_until\` text null, \`signed_fields\` text null, \`signed_content_hash\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`document_type_index\` on \`document\` (\`type\`);`);
    this.addSql(`create index \`document_classification_index\` on \`document\` (\`classification\`);`);
    this.addSql(`create index \`document_issuer_id_index\` on \`document\` (\`issuer_id\`);`);
    this.addSql(
      `create unique index \`document_registered_number_unique\` on \`document\` (\`registered_number\`);`,
    );
    this.addSql(`create index \`document_created_at_index\` on \`document\` (\`created_at\`);`);
    this.addSql(`create index \`document_status_index\` on \`document\` (\`status\`);`);
    this.addSql(
      `create unique index \`document_verification_code_unique\` on \`document\` (\`verification_code\`);`,
    );
    this.addSql(
      `create index \`document_issuing_agency_type_index\` on \`document\` (\`issuing_agency\`, \`type\`);`,
    );

    this.addSql(
      `create table \`document_version\` (\`id\` text not null, \`document_id\` text not null, \`version\` integer not null, \`bytes\` blob not null, \`content_hash\` text not null, \`size\` integer not null, \`media_type\` text not null, \`created_at\` text not null, \`created_by\` text not null, constraint \`document_version_document_id_foreign\` foreign key(\`document_id\`) references \`document\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`document_version_document_id_index\` on \`document_version\` (\`document_id\`);`,
    );
    this.addSql(
      `create unique index \`document_version_document_id_version_unique\` on \`document_version\` (\`document_id\`, \`version\`);`,
    );

    this.addSql(
      `create table \`issuer\` (\`id\` text not null, \`name\` text not null, \`name_en\` text not null, \`agency_code\` text not null, \`kind\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`issuer_key\` (\`key_id\` text not null, \`issuer_id\` text not null, \`generation\` integer not null, \`algorithm\` text not null, \`public_key\` text not null, \`private_key\` text not null, \`valid_from\` text not null, \`valid_until\` text null, \`revoked_at\` text null, \`revocation_reason\` text null, constraint \`issuer_key_issuer_id_foreign\` foreign key(\`issuer_id\`) references \`issuer\`(\`id\`) on update cascade, primary key (\`key_id\`));`,
    );
    this.addSql(`create index \`issuer_key_issuer_id_index\` on \`issuer_key\` (\`issuer_id\`);`);

    this.addSql(
      `create table \`record_register_counter\` (\`agency_code\` text not null, \`year\` integer not null, \`last_number\` integer not null, primary key (\`agency_code\`, \`year\`));`,
    );

    this.addSql(
      `create table \`retention_rule\` (\`document_type\` text not null, \`name\` text not null, \`name_en\` text not null, \`retain_years\` integer not null, \`disposition\` text not null, primary key (\`document_type\`));`,
    );
  }
}
