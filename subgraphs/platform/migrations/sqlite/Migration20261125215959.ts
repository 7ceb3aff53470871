import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215959 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_entry\` (\`seq\` integer not null, \`at\` text not null, \`request_id\` text not null, \`client_id\` text null, \`agency\` text null, \`citizen_id\` text null, \`purpose\` text null, \`case_number\` text null, \`operation_name\` text null, \`document_hash\` text null, \`fields_requested\` json not null, \`fields_denied\` json not null, \`subgraphs\` json not null, \`outcome\` text not null, \`duration_ms\` integer not null, \`subjects\` json not null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`seq\`));`,
    );
    this.addSql(`create index \`audit_entry_at_index\` on \`audit_entry\` (\`at\`);`);
    this.addSql(`create index \`audit_entry_client_id_index\` on \`audit_entry\` (\`client_id\`);`);
    this.addSql(`create index \`audit_entry_agency_index\` on \`audit_entry\` (\`agency\`);`);
    this.addSql(`create index \`audit_entry_purpose_index\` on \`audit_entry\` (\`purpose\`);`);

    this.addSql(
      `create table \`audit_subject\` (\`national_id\` text not null, \`seq\` integer not null, primary key (\`national_id\`, \`seq\`));`,
    );

    this.addSql(
      `create table \`client\` (\`id\` text not null, \`name\` text not null, \`agency\` text not null, \`scopes\` json not null, \`purposes\` json not null, \`rate_limit_per_minute\` integer not null, \`status\` text not null, \`updated_at\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`client_key\` (\`id\` text not null, \`client_id\` text not null, \`public_key_pem\` text not null, \`status\` text not null, \`created_at\` text not null, \`revoked_at\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`client_key_client_id_index\` on \`client_key\` (\`client_id\`);`);

    this.addSql(
      `create table \`purpose\` (\`code\` text not null, \`name\` text not null, \`name_en\` text not null, \`legal_basis\` text not null, \`legal_basis_en\` text not null, primary key (\`code\`));`,
    );
  }
}
