/**
 * Migrations, in code, run by Kysely's Migrator on SQLite and PostgreSQL alike. Only the id and blob
 * column types differ between the two; everything else is the same statement.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against an untyped Kysely<any>: the schema is what they create */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const id = (t: any) =>
    dialect === 'postgres' ? t.addColumn('id', 'serial', (c: any) => c.primaryKey()) : t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001-initial': {
      async up(db: Kysely<any>) {
        await id(db.schema.createTable('departments'))
          .addColumn('code', 'text', (c: any) => c.notNull().unique())
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('parent_id', 'integer', (c: any) => c.references('departments.id'))
          .execute();
        await id(db.schema.createTable('projects'))
          .addColumn('department_id', 'integer', (c: any) => c.notNull().references('departments.id'))
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('code', 'text')
          .addColumn('fund_type', 'text')
          .addUniqueConstraint('projects_department_name', ['department_id', 'name'])
          .execute();
        await id(db.schema.createTable('source_files'))
          .addColumn('sha256', 'text', (c: any) => c.notNull().unique())
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('size', 'bigint', (c: any) => c.notNull())
          .addColumn('content', blob, (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .execute();
        await id(db.schema.createTable('evaluations'))
          .addColumn('project_id', 'integer', (c: any) => c.notNull().references('projects.id').onDelete('cascade'))
          .addColumn('year', 'integer', (c: any) => c.notNull())
          .addColumn('scheme_id', 'text', (c: any) => c.notNull())
          .addColumn('layout', 'text', (c: any) => c.notNull())
          .addColumn('status', 'text', (c: any) => c.notNull().defaultTo('draft'))
          .addColumn('version', 'integer', (c: any) => c.notNull())
          .addColumn('document', 'text', (c: any) => c.notNull())
          .addColumn('source_file_id', 'integer', (c: any) => c.references('source_files.id'))
          .addColumn('budget_fen', 'bigint')
          .addColumn('executed_fen', 'bigint')
          .addColumn('claimed_total_hundredths', 'bigint')
          .addColumn('total_hundredths', 'bigint', (c: any) => c.notNull())
          .addColumn('grade', 'text', (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .addColumn('updated_at', 'text', (c: any) => c.notNull())
          .addUniqueConstraint('evaluations_project_year', ['project_id', 'year'])
          .execute();
        await db.schema.createIndex('evaluations_year_grade').on('evaluations').columns(['year', 'grade']).execute();
        await db.schema.createIndex('projects_department').on('projects').column('department_id').execute();
        const child = (name: string) =>
          db.schema.createTable(name).addColumn('evaluation_id', 'integer', (c: any) => c.notNull().references('evaluations.id').onDelete('cascade'));
        await child('budget_lines')
          .addColumn('seq', 'integer', (c: any) => c.notNull())
          .addColumn('kind', 'text', (c: any) => c.notNull())
          .addColumn('label', 'text', (c: any) => c.notNull())
          .addColumn('initial_fen', 'bigint')
          .addColumn('adjusted_fen', 'bigint')
          .addColumn('received_fen', 'bigint')
          .addColumn('executed_fen', 'bigint')
          .addPrimaryKeyConstraint('budget_lines_pk', ['evaluation_id', 'seq'])
          .execute();
        await child('goals').addColumn('expected', 'text').addColumn('achieved', 'text').addPrimaryKeyConstraint('goals_pk', ['evaluation_id']).execute();
        await child('indicators')
          .addColumn('seq', 'integer', (c: any) => c.notNull())
          .addColumn('level1', 'text', (c: any) => c.notNull())
          .addColumn('level2', 'text', (c: any) => c.notNull())
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('points_hundredths', 'bigint')
          .addColumn('target', 'text', (c: any) => c.notNull())
          .addColumn('target_adjusted', 'text')
          .addColumn('actual', 'text', (c: any) => c.notNull())
          .addColumn('claimed_hundredths', 'bigint')
          .addColumn('computed_hundredths', 'bigint')
          .addColumn('deviation', 'text')
          .addPrimaryKeyConstraint('indicators_pk', ['evaluation_id', 'seq'])
          .execute();
        await child('narratives')
          .addColumn('seq', 'integer', (c: any) => c.notNull())
          .addColumn('kind', 'text', (c: any) => c.notNull())
          .addColumn('text', 'text', (c: any) => c.notNull())
          .addPrimaryKeyConstraint('narratives_pk', ['evaluation_id', 'seq'])
          .execute();
        // the history outlives a deleted form: no cascade, no foreign key
        await id(db.schema.createTable('changes'))
          .addColumn('evaluation_id', 'integer', (c: any) => c.notNull())
          .addColumn('version', 'integer', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .addColumn('field', 'text', (c: any) => c.notNull())
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .execute();
        await db.schema.createIndex('changes_evaluation').on('changes').column('evaluation_id').execute();
        void sql;
      },
    },
    '0002-accounts-workflow': {
      async up(db: Kysely<any>) {
        await id(db.schema.createTable('users'))
          .addColumn('username', 'text', (c: any) => c.notNull().unique())
          .addColumn('display_name', 'text', (c: any) => c.notNull())
          .addColumn('role', 'text', (c: any) => c.notNull())
          .addColumn('department_id', 'integer', (c: any) => c.references('departments.id'))
          .addColumn('password_hash', 'text', (c: any) => c.notNull())
          .addColumn('disabled', 'integer', (c: any) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .execute();
        // 财政审核: the departments assigned to each reviewer
        await db.schema
          .createTable('user_departments')
          .addColumn('user_id', 'integer', (c: any) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('department_id', 'integer', (c: any) => c.notNull().references('departments.id'))
          .addPrimaryKeyConstraint('user_departments_pk', ['user_id', 'department_id'])
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c: any) => c.primaryKey())
          .addColumn('user_id', 'integer', (c: any) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf', 'text', (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .addColumn('expires_at', 'text', (c: any) => c.notNull())
          .execute();
        // Frozen copies of each submitted form: no foreign key, they outlive the form like its history.
        await id(db.schema.createTable('snapshots'))
          .addColumn('evaluation_id', 'integer', (c: any) => c.notNull())
          .addColumn('version', 'integer', (c: any) => c.notNull())
          .addColumn('status', 'text', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('document', 'text', (c: any) => c.notNull())
          .execute();
        await db.schema.createIndex('snapshots_evaluation').on('snapshots').column('evaluation_id').execute();
        await db.schema
          .createTable('reviews')
          .addColumn('evaluation_id', 'integer', (c: any) => c.notNull().references('evaluations.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c: any) => c.notNull())
          .addColumn('score_hundredths', 'integer', (c: any) => c.notNull())
          .addColumn('reason', 'text', (c: any) => c.notNull())
          .addColumn('reviewer', 'text', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addPrimaryKeyConstraint('reviews_pk', ['evaluation_id', 'seq'])
          .execute();
      },
    },
    '0003-department-totals': {
      // 各部门汇总 (Store.departmentTotals) reads year, project, grade and money of every form of a
      // year. In SQLite those columns sit after the form's document in the row, so reading them walked
      // each document's overflow pages: 350 ms at 100,000 forms. This index holds all it reads.
      async up(db: Kysely<any>) {
        await db.schema.createIndex('evaluations_totals').on('evaluations').columns(['year', 'project_id', 'grade', 'budget_fen', 'executed_fen']).execute();
      },
    },
    '0004-form-kinds-indicator-ids': {
      // Issue 19: forms have a kind (several kinds per project-year, one of each); 复核得分 point at the
      // indicator's id instead of its row; the derived tables budget_lines, goals, indicators and
      // narratives — written on every save, read by nothing — are dropped. Stored documents are not
      // rewritten: a document without ids reads with `i1…in` by row (core withIndicatorIds), so the
      // review of row `seq` becomes the review of indicator `i{seq+1}`, the same indicator.
      async up(db: Kysely<any>) {
        const derived = ['budget_lines', 'goals', 'indicators', 'narratives'];
        if (dialect === 'postgres') {
          await sql`alter table evaluations add column kind text not null default 'self-evaluation'`.execute(db);
          await sql`alter table evaluations drop constraint evaluations_project_year`.execute(db);
          await sql`alter table evaluations add constraint evaluations_project_year_kind unique (project_id, year, kind)`.execute(db);
          await sql`alter table reviews add column indicator_id text`.execute(db);
          await sql`update reviews set indicator_id = 'i' || (seq + 1)`.execute(db);
          await sql`alter table reviews alter column indicator_id set not null`.execute(db);
          await sql`alter table reviews drop constraint reviews_pk`.execute(db);
          await sql`alter table reviews drop column seq`.execute(db);
          await sql`alter table reviews add constraint reviews_pk primary key (evaluation_id, indicator_id)`.execute(db);
          for (const t of derived) await db.schema.dropTable(t).execute();
          return;
        }
        // SQLite cannot drop a table constraint: the two tables are rebuilt, in one transaction (Kysely
        // runs SQLite migrations outside one). Children first, so that dropping `evaluations` cascades
        // into nothing.
        await db.transaction().execute(async (trx) => {
          await sql`create table evaluations_new ("id" integer primary key autoincrement, "project_id" integer not null references "projects" ("id") on delete cascade, "year" integer not null, "scheme_id" text not null, "layout" text not null, "status" text default 'draft' not null, "version" integer not null, "document" text not null, "source_file_id" integer references "source_files" ("id"), "budget_fen" bigint, "executed_fen" bigint, "claimed_total_hundredths" bigint, "total_hundredths" bigint not null, "grade" text not null, "created_at" text not null, "updated_at" text not null, "kind" text default 'self-evaluation' not null, constraint "evaluations_project_year_kind" unique ("project_id", "year", "kind"))`.execute(
            trx,
          );
          await sql`insert into evaluations_new (id, project_id, year, scheme_id, layout, status, version, document, source_file_id, budget_fen, executed_fen, claimed_total_hundredths, total_hundredths, grade, created_at, updated_at, kind) select id, project_id, year, scheme_id, layout, status, version, document, source_file_id, budget_fen, executed_fen, claimed_total_hundredths, total_hundredths, grade, created_at, updated_at, 'self-evaluation' from evaluations`.execute(
            trx,
          );
          await sql`create table reviews_new ("evaluation_id" integer not null references "evaluations_new" ("id") on delete cascade, "indicator_id" text not null, "score_hundredths" integer not null, "reason" text not null, "reviewer" text not null, "at" text not null, constraint "reviews_pk" primary key ("evaluation_id", "indicator_id"))`.execute(
            trx,
          );
          await sql`insert into reviews_new select evaluation_id, 'i' || (seq + 1), score_hundredths, reason, reviewer, at from reviews`.execute(trx);
          // The new table's AUTOINCREMENT counter must go on from the old one's, and past every id the
          // history and the frozen copies still name: an id of a deleted form given out again would hand
          // its history to a new form (of another department, perhaps).
          await sql`delete from sqlite_sequence where name = 'evaluations_new'`.execute(trx);
          await sql`insert into sqlite_sequence (name, seq) select 'evaluations_new', max(coalesce((select seq from sqlite_sequence where name = 'evaluations'), 0), coalesce((select max(evaluation_id) from changes), 0), coalesce((select max(evaluation_id) from snapshots), 0), coalesce((select max(id) from evaluations), 0))`.execute(
            trx,
          );
          for (const t of ['reviews', ...derived]) await trx.schema.dropTable(t).execute();
          await trx.schema.dropTable('evaluations').execute();
          await sql`alter table evaluations_new rename to evaluations`.execute(trx);
          await sql`alter table reviews_new rename to reviews`.execute(trx);
          await trx.schema.createIndex('evaluations_year_grade').on('evaluations').columns(['year', 'grade']).execute();
          await trx.schema.createIndex('evaluations_totals').on('evaluations').columns(['year', 'project_id', 'grade', 'budget_fen', 'executed_fen']).execute();
        });
      },
    },
    '0005-import-commits-deleted-forms': {
      async up(db: Kysely<any>) {
        // One preview token commits once (issue 24): its key is written in the commit's own transaction,
        // so a second commit — concurrent, or from another process — fails on the primary key.
        await db.schema
          .createTable('import_commits')
          .addColumn('key', 'text', (c: any) => c.primaryKey())
          .addColumn('department_id', 'integer', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .execute();
        // Where a deleted form belonged: its history and snapshots stay readable by whoever could read
        // them (the department's users), not only by an administrator. No foreign key, like the history.
        await db.schema
          .createTable('deleted_evaluations')
          .addColumn('evaluation_id', 'integer', (c: any) => c.primaryKey())
          .addColumn('department_id', 'integer', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .execute();
      },
    },
    '0006-totals-by-kind': {
      // Issue 20: goal forms are stored beside the self-evaluations, and the department summaries (汇总表,
      // grades, 各部门汇总) count self-evaluations only. The covering index of 0003 gains the kind, first,
      // so that the sums of one kind (of a year) still read the index alone and never a document.
      async up(db: Kysely<any>) {
        await db.schema.dropIndex('evaluations_totals').execute();
        await db.schema
          .createIndex('evaluations_totals')
          .on('evaluations')
          .columns(['kind', 'year', 'project_id', 'grade', 'budget_fen', 'executed_fen'])
          .execute();
      },
    },
    '0007-todo-deadlines': {
      async up(db: Kysely<any>) {
        // The finance bureau's deadline for a year's forms, of one department or (department_id 0) of all.
        // No foreign key: 0 names no department, and a deadline outlives nothing it points at.
        await db.schema
          .createTable('deadlines')
          .addColumn('year', 'integer', (c: any) => c.notNull())
          .addColumn('department_id', 'integer', (c: any) => c.notNull())
          .addColumn('due', 'text', (c: any) => c.notNull())
          .addColumn('set_by', 'text', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addPrimaryKeyConstraint('deadlines_pk', ['year', 'department_id'])
          .execute();
        // A to-do list counts and pages the forms in a state across a reviewer's departments: this index
        // holds all it filters on (in SQLite the other columns sit after the document, bench/README.md).
        await db.schema.createIndex('evaluations_status').on('evaluations').columns(['status', 'project_id', 'year', 'grade']).execute();
      },
    },
    '0008-review-opinions': {
      async up(db: Kysely<any>) {
        // 复核意见 (issue 23): one text per form by the finance reviewer, gone with the form like its
        // 复核得分; the history keeps every change of it.
        await db.schema
          .createTable('review_opinions')
          .addColumn('evaluation_id', 'integer', (c: any) => c.primaryKey().references('evaluations.id').onDelete('cascade'))
          .addColumn('text', 'text', (c: any) => c.notNull())
          .addColumn('reviewer', 'text', (c: any) => c.notNull())
          .addColumn('at', 'text', (c: any) => c.notNull())
          .execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
