/**
 * bench/store.ts — load N evaluations (10 indicators each) into SQLite and PostgreSQL through the
 * store, against the same driver writing the same rows (and doing the same scoring and JSON
 * serialisation) the fastest plain way for that database: on SQLite (in-process, no round trips)
 * prepared statements row by row; on PostgreSQL multi-row INSERTs of the store's own batch sizes (500
 * evaluations, 1,000 other rows per statement; until 2026-12-04 the baseline awaited one round trip per
 * row, which made the store look 2.5 × faster than plain inserts), and COPY of the same rows reported
 * beside it. Then the department 汇总表 query and the province grade count over those N evaluations,
 * p50 and p95. Goals (issue 5): load ratio ≤ 1.5; 汇总表 p50 < 50 ms on SQLite.
 * Usage: npx tsx bench/store.ts [N=100000] [--pg postgres://postgres@127.0.0.1:5432/test] [--no-pg] [--no-sqlite]
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { getScheme, rng, scoreEvaluation, syntheticForm, type Evaluation } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { pointsToHundredths, wanYuanToFen } from '@jixiao/core';
import { report, type Figure } from './measure.ts';
import { probePostgres, testPostgresUrl } from '../packages/store/test/helpers/postgres.ts';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
// PostgreSQL as the tests reach it (JIXIAO_TEST_PG, DATABASE_URL or the local default), unless --pg names one
const pgUrl = args.includes('--no-pg') ? null : args.includes('--pg') ? args[args.indexOf('--pg') + 1]! : testPostgresUrl().url;
const PER_DEPT = 1000;
const departments = Math.ceil(n / PER_DEPT);

/** The forms of department d, generated on demand so that memory stays flat. */
function departmentForms(d: number): Evaluation[] {
  const r = rng(1000 + d);
  const count = Math.min(PER_DEPT, n - d * PER_DEPT);
  return Array.from({ length: count }, (_, i) => syntheticForm(r, d * PER_DEPT + i));
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** The rows the store writes for one form (kysely-store.ts insertEvaluations), for the raw baselines. */
function rowsOf(ev: Evaluation) {
  const s = scoreEvaluation(ev, getScheme(ev.schemeId));
  return {
    project: [ev.project.name.raw.trim(), ev.project.code?.raw || null, ev.project.fundType?.raw || null],
    evaluation: [
      ev.year ?? 0,
      ev.schemeId,
      ev.layout,
      'draft',
      1,
      JSON.stringify(ev),
      wanYuanToFen(s.budget.budget),
      wanYuanToFen(s.budget.executed),
      pointsToHundredths(ev.claimed.total?.value),
      pointsToHundredths(s.total),
      s.grade,
      'now',
      'now',
    ],
  };
}

const SQL = {
  dept: 'insert into departments (code, name) values ($1, $2) returning id',
  project: 'insert into projects (department_id, name, code, fund_type) values ($1, $2, $3, $4) returning id',
  evaluation:
    'insert into evaluations (project_id, year, scheme_id, layout, status, version, document, budget_fen, executed_fen, claimed_total_hundredths, total_hundredths, grade, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) returning id',
  change: "insert into changes (evaluation_id, version, at, actor, field, before, after) values ($1, 1, 'now', 'bench', '(导入)', null, '(新建)')",
};
const sqliteSql = (s: string) => s.replace(/\$\d+/g, '?');

async function rawSqlite(path: string): Promise<number> {
  await (await connect(path)).db.destroy(); // same schema, made by the migrations
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const st = Object.fromEntries(Object.entries(SQL).map(([k, v]) => [k, db.prepare(sqliteSql(v))])) as Record<keyof typeof SQL, Sqlite.Statement>;
  const t = process.hrtime.bigint();
  for (let d = 0; d < departments; d++) {
    const forms = departmentForms(d);
    db.transaction(() => {
      const dept = (st.dept.get(`raw-${d}`, `部门${d}`) as { id: number }).id;
      for (const ev of forms) {
        const r = rowsOf(ev);
        const project = (st.project.get(dept, ...r.project) as { id: number }).id;
        const id = (st.evaluation.get(project, ...r.evaluation) as { id: number }).id;
        st.change.run(id);
      }
    })();
  }
  const elapsed = ms(t);
  db.close();
  return elapsed;
}

/** Columns of each table as the store writes them (the order of rowsOf's arrays). */
const COLS = {
  projects: ['department_id', 'name', 'code', 'fund_type'],
  evaluations: [
    'project_id',
    'year',
    'scheme_id',
    'layout',
    'status',
    'version',
    'document',
    'budget_fen',
    'executed_fen',
    'claimed_total_hundredths',
    'total_hundredths',
    'grade',
    'created_at',
    'updated_at',
  ],
  changes: ['evaluation_id', 'version', 'at', 'actor', 'field', 'before', 'after'],
} as const;
type Table = keyof typeof COLS;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The rows of one department's forms, table by table; evaluation ids filled in once known. */
function departmentRows(forms: Evaluation[]) {
  const rows = forms.map(rowsOf);
  return {
    rows,
    children: (ids: number[]) => ({
      changes: ids.map((id) => [id, 1, 'now', 'bench', '(导入)', null, '(新建)']),
    }),
  };
}

/**
 * Plain multi-row INSERTs through the driver, in the store's own batch sizes (kysely-store.ts: 500
 * evaluations, 1,000 projects and 1,000 rows of every other table per statement), one transaction per
 * department as the store has: the same round trips the store needs, without its query builder, its
 * checks (department, duplicates) and its VACUUM (ANALYZE) after a large import.
 */
async function rawPostgresInserts(url: string, schema: string): Promise<number> {
  await (await connect(url, { schema })).db.destroy();
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  const insert = async (table: Table, rows: unknown[][], returning = false): Promise<number[]> => {
    const cols = COLS[table];
    const values: unknown[] = [];
    const tuples = rows.map((r) => `(${r.map((v) => (values.push(v), `$${values.length}`)).join(',')})`);
    const res = await c.query(`insert into ${table} (${cols.join(', ')}) values ${tuples.join(',')}${returning ? ' returning id' : ''}`, values);
    return res.rows.map((x: { id: number }) => x.id);
  };
  const t = process.hrtime.bigint();
  for (let d = 0; d < departments; d++) {
    const forms = departmentForms(d);
    await c.query('begin');
    const dept = (await c.query(SQL.dept, [`raw-${d}`, `部门${d}`])).rows[0].id as number;
    const { rows, children } = departmentRows(forms);
    const projects: number[] = [];
    for (const part of chunks(rows, 1000))
      projects.push(
        ...(await insert(
          'projects',
          part.map((r) => [dept, ...r.project]),
          true,
        )),
      );
    const ids: number[] = [];
    for (const part of chunks(
      rows.map((r, i) => [projects[i], ...r.evaluation]),
      500,
    ))
      ids.push(...(await insert('evaluations', part, true)));
    for (const [table, all] of Object.entries(children(ids)) as Array<[Table, unknown[][]]>) for (const part of chunks(all, 1000)) await insert(table, part);
    await c.query('commit');
  }
  const elapsed = ms(t);
  await c.end();
  return elapsed;
}

/** One value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/**
 * The same rows by COPY (pg-copy-streams), one transaction per department: ids of the projects and
 * evaluations taken from their sequences first (one query each), then one COPY per table. Reported
 * beside the INSERT baseline: the fastest way PostgreSQL loads, which the store does not use (its
 * writes go through the query builder on both databases).
 */
async function rawPostgresCopy(url: string, schema: string): Promise<number> {
  await (await connect(url, { schema })).db.destroy();
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  const copy = async (table: Table, rows: unknown[][], withId = false) => {
    const text = rows.map((r) => r.map(copyValue).join('\t')).join('\n') + '\n';
    await pipeline(Readable.from([text]), c.query(copyFrom(`copy ${table} (${withId ? 'id, ' : ''}${COLS[table].join(', ')}) from stdin`)));
  };
  const nextIds = async (table: Table, n: number) =>
    (await c.query(`select nextval(pg_get_serial_sequence('${table}', 'id'))::int as id from generate_series(1, $1)`, [n])).rows.map(
      (x: { id: number }) => x.id,
    );
  const t = process.hrtime.bigint();
  for (let d = 0; d < departments; d++) {
    const forms = departmentForms(d);
    await c.query('begin');
    const dept = (await c.query(SQL.dept, [`raw-${d}`, `部门${d}`])).rows[0].id as number;
    const { rows, children } = departmentRows(forms);
    const projects = await nextIds('projects', rows.length);
    const ids = await nextIds('evaluations', rows.length);
    await copy(
      'projects',
      rows.map((r, i) => [projects[i], dept, ...r.project]),
      true,
    );
    await copy(
      'evaluations',
      rows.map((r, i) => [ids[i], projects[i], ...r.evaluation]),
      true,
    );
    for (const [table, all] of Object.entries(children(ids)) as Array<[Table, unknown[][]]>) await copy(table, all);
    await c.query('commit');
  }
  const elapsed = ms(t);
  await c.end();
  return elapsed;
}

async function viaStore(target: string, schema?: string): Promise<{ load: number; store: KyselyStore }> {
  const store = new KyselyStore(await connect(target, schema ? { schema } : {}));
  const t = process.hrtime.bigint();
  for (let d = 0; d < departments; d++) {
    const dept = await store.ensureDepartment({ code: `d-${d}`, name: `部门${d}` });
    await store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations(departmentForms(d)), actor: 'bench' });
  }
  return { load: ms(t), store };
}

async function queries(store: KyselyStore, runs = 50) {
  const summary: number[] = [];
  const grades: number[] = [];
  const totals: number[] = [];
  const r = rng(5);
  for (let i = 0; i < runs; i++) {
    const d = 1 + Math.floor(r() * departments);
    let t = process.hrtime.bigint();
    const rows = await store.summaryRows(d, 2023);
    summary.push(ms(t));
    if (rows.length === 0) throw new Error('empty summary');
    t = process.hrtime.bigint();
    await store.gradeCounts(2023);
    grades.push(ms(t));
    // 各部门汇总 (/api/departments/totals): every department's sums by grade, one grouped query
    if (i % 5 === 0) {
      t = process.hrtime.bigint();
      if ((await store.departmentTotals(2023)).length === 0) throw new Error('no totals');
      totals.push(ms(t));
    }
  }
  return { summary, grades, totals };
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
console.log(`load: ${n} evaluations × 10 indicators in ${departments} departments of ${PER_DEPT}`);
// Warm up the generator, the scoring and the serialisation every load does, so that the first load
// measured does not pay for their compilation (the raw baselines run first).
for (const ev of departmentForms(0)) rowsOf(ev);
const dir = mkdtempSync('/tmp/jixiao-bench-');
const figures: Figure[] = [];
const dbFigures = (db: string, raw: number, load: number, q: { summary: number[]; grades: number[]; totals: number[] }, baseline: string) =>
  figures.push(
    {
      what: `${db}: load ${n} evaluations (vs ${baseline})`,
      value: load,
      unit: 'ms',
      baseline: raw,
      ratio: load / raw,
      goal: 'ratio ≤ 1.5',
      met: load / raw <= 1.5,
    },
    {
      what: `${db}: 汇总表 of one department at ${n}, p50 / p95`,
      value: pct(q.summary, 0.5),
      unit: `ms (p95 ${pct(q.summary, 0.95).toFixed(1)})`,
      baseline: null,
      ratio: null,
      goal: 'p50 < 50 ms',
      met: pct(q.summary, 0.5) < 50,
    },
    {
      what: `${db}: province grade count at ${n}, p50 / p95`,
      value: pct(q.grades, 0.5),
      unit: `ms (p95 ${pct(q.grades, 0.95).toFixed(1)})`,
      baseline: null,
      ratio: null,
      goal: 'reported',
      met: null,
    },
    {
      what: `${db}: 各部门汇总 (every department's sums) at ${n}, p50 / p95`,
      value: pct(q.totals, 0.5),
      unit: `ms (p95 ${pct(q.totals, 0.95).toFixed(1)})`,
      baseline: null,
      ratio: null,
      goal: 'reported',
      met: null,
    },
  );
if (!args.includes('--no-sqlite')) {
  const raw = await rawSqlite(join(dir, 'raw.sqlite'));
  const { load, store } = await viaStore(join(dir, 'store.sqlite'));
  const q = await queries(store);
  console.log(
    `SQLite: raw prepared inserts ${(raw / 1000).toFixed(1)} s; store ${(load / 1000).toFixed(1)} s (${((n / load) * 1000).toFixed(0)} forms/s); ratio ${(load / raw).toFixed(2)} (goal ≤ 1.5)`,
  );
  dbFigures('SQLite', raw, load, q, 'prepared inserts row by row');
  console.log(
    `SQLite: 汇总表 of one department p50 ${pct(q.summary, 0.5).toFixed(1)} ms p95 ${pct(q.summary, 0.95).toFixed(1)} ms (goal p50 < 50 ms); province grade count p50 ${pct(q.grades, 0.5).toFixed(1)} ms p95 ${pct(q.grades, 0.95).toFixed(1)} ms; 各部门汇总 p50 ${pct(q.totals, 0.5).toFixed(1)} ms`,
  );
  await store.close();
}
const pgAbsent = pgUrl ? await probePostgres(pgUrl) : null;
if (pgUrl && pgAbsent) console.log(`PostgreSQL skipped: ${pgAbsent} (set JIXIAO_TEST_PG or --pg postgres://…, or --no-pg)`);
if (pgUrl && !pgAbsent) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const a = `bench_raw_${process.pid}`;
  const b = `bench_store_${process.pid}`;
  const c = `bench_copy_${process.pid}`;
  await admin.query(`create schema ${a}; create schema ${b}; create schema ${c}`);
  try {
    const raw = await rawPostgresInserts(pgUrl, a);
    const copied = await rawPostgresCopy(pgUrl, c);
    const { load, store } = await viaStore(pgUrl, b);
    const q = await queries(store);
    console.log(
      `PostgreSQL: multi-row INSERTs of the store's batch sizes ${(raw / 1000).toFixed(1)} s; COPY ${(copied / 1000).toFixed(1)} s; store ${(load / 1000).toFixed(1)} s (${((n / load) * 1000).toFixed(0)} forms/s); ratio ${(load / raw).toFixed(2)} against the INSERTs (goal ≤ 1.5), ${(load / copied).toFixed(2)} against COPY`,
    );
    dbFigures('PostgreSQL', raw, load, q, 'multi-row INSERTs of the same batch size');
    figures.push({
      what: `PostgreSQL: load ${n} evaluations (vs COPY of the same rows)`,
      value: load,
      unit: 'ms',
      baseline: copied,
      ratio: load / copied,
      goal: 'reported',
      met: null,
    });
    console.log(
      `PostgreSQL: 汇总表 p50 ${pct(q.summary, 0.5).toFixed(1)} ms p95 ${pct(q.summary, 0.95).toFixed(1)} ms; province grade count p50 ${pct(q.grades, 0.5).toFixed(1)} ms p95 ${pct(q.grades, 0.95).toFixed(1)} ms; 各部门汇总 p50 ${pct(q.totals, 0.5).toFixed(1)} ms`,
    );
    // The store's two queries as it builds them for PostgreSQL (kysely-store.ts summaryRows, with its
    // PostgreSQL-only department filter on the joined projects, and gradeCounts), with real timings.
    const explain = async (what: string, query: string) => {
      const plan = await admin.query(`set search_path=${b}; explain analyze ${query}`);
      const planRows = (Array.isArray(plan) ? plan[1] : plan).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      console.log(`PostgreSQL EXPLAIN ANALYZE of the ${what}:\n  ` + planRows.join('\n  '));
    };
    await explain(
      '汇总表 query',
      'select evaluations.id, projects.name, evaluations.year, projects.fund_type, evaluations.budget_fen, evaluations.executed_fen, evaluations.total_hundredths, evaluations.grade, evaluations.status from evaluations inner join projects on projects.id = evaluations.project_id where evaluations.project_id in (select p.id from projects as p where p.department_id = 7) and projects.department_id = 7 and evaluations.year = 2023 order by evaluations.id',
    );
    await explain('province grade count', 'select grade, count(*) as n from evaluations where year = 2023 group by grade');
    await explain(
      '各部门汇总',
      'select projects.department_id, evaluations.grade, count(*) as forms, cast(coalesce(sum(evaluations.budget_fen), 0) as text) as budget, cast(coalesce(sum(evaluations.executed_fen), 0) as text) as executed from evaluations inner join projects on projects.id = evaluations.project_id where evaluations.year = 2023 group by projects.department_id, evaluations.grade order by projects.department_id, evaluations.grade',
    );
    await store.close();
  } finally {
    await admin.query(`drop schema ${a} cascade; drop schema ${b} cascade; drop schema ${c} cascade`);
    await admin.end();
  }
}
rmSync(dir, { recursive: true, force: true });
report('store', figures);
