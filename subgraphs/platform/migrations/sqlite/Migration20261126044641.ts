import { Migration } from '@mikro-orm/migrations';

export class Migration20261126044641 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_journal_mark\` (\`journal\` text not null, \`position\` bigint not null, primary key (\`journal\`));`,
    );
  }
}
