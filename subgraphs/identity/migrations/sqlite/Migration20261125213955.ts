import { Migration } from '@mikro-orm/migrations';

export class Migration20261125213955 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`agency\` (\`code\` text not null, \`name\` text not null, \`name_en\` text not null, primary key (\`code\`));`,
    );

    this.addSql(
      `create table \`citizen\` (\`national_id\` text not null, \`full_name\` text not null, \`full_name_en\` text not null, \`sex\` text not null, \`birth_date\` text not null, \`governorate_code\` text not null, \`address\` text null, primary key (\`national_id\`));`,
    );
  }
}
