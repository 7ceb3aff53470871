import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215539 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`municipal_project\` (\`id\` text not null, \`title\` text not null, \`title_en\` text not null, \`governorate_code\` text not null, \`budget\` double not null, \`progress\` integer not null, \`status\` text not null, \`planned_start_date\` text not null, \`planned_end_date\` text not null, \`completed_at\` text null, \`suspension_reason\` text null, \`contractor_id\` text not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`municipal_project_governorate_code_index\` on \`municipal_project\` (\`governorate_code\`);`,
    );
    this.addSql(
      `create index \`municipal_project_contractor_id_index\` on \`municipal_project\` (\`contractor_id\`);`,
    );

    this.addSql(
      `create table \`inspection\` (\`id\` text not null, \`project_id\` text not null, \`date\` text not null, \`inspector\` text not null, \`result\` text not null, \`notes\` text null, constraint \`inspection_project_id_foreign\` foreign key(\`project_id\`) references \`municipal_project\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`inspection_project_id_index\` on \`inspection\` (\`project_id\`);`);
    this.addSql(
      `create index \`inspection_project_id_date_index\` on \`inspection\` (\`project_id\`, \`date\`);`,
    );

    this.addSql(
      `create table \`progress_report\` (\`id\` text not null, \`project_id\` text not null, \`sequence\` integer not null, \`reported_at\` text not null, \`progress\` integer not null, \`previous_progress\` integer not null, \`note\` text null, \`reason\` text null, \`reported_by\` text not null, constraint \`progress_report_project_id_foreign\` foreign key(\`project_id\`) references \`municipal_project\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`progress_report_project_id_index\` on \`progress_report\` (\`project_id\`);`);
    this.addSql(
      `create unique index \`progress_report_project_id_sequence_unique\` on \`progress_report\` (\`project_id\`, \`sequence\`);`,
    );
  }
}
