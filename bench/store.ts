/**
 * bench/store.ts — load N evaluations (10 indicators each) into SQLite and PostgreSQL through the
 * store, against a raw insert loop with the same driver and prepared statements writing the same rows
 * (and doing the same scoring and JSON serialisation); then the department 汇总表 query and the
 * province grade count over those N evaluations, p50 and p95. Goals (issue 5): load ratio ≤ 1.5;
 * 汇总表 p50 < 50 ms on SQLite.
 * Usage: npx tsx bench/store.ts [N=100000] [--pg postgres://postgres@127.0.0.1:5432/test] [--no-pg] [--no-sqlite]
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { getScheme, rng, scoreEvaluation, syntheticForm, type Evaluation } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { pointsToHundredths, wanYuanToFen } from '@jixiao/core';
import { report, type Figure } from './measure.ts';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const pgUrl = args.includes('--no-pg') ? null : (args[args.indexOf('--pg') + 1] && args.includes('--pg') ? args[args.indexOf('--pg') + 1]! : 'postgres://postgres@127.0.0.1:5432/test');
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

/** The rows the store writes for one form, for the raw baseline. */
function rowsOf(ev: Evaluation) {
  const s = scoreEvaluation(ev, getScheme(ev.schemeId));
  return {
    evaluation: [ev.year ?? 0, ev.schemeId, ev.layout, 'draft', 1, JSON.stringify(ev), wanYuanToFen(s.budget.budget), wanYuanToFen(s.budget.executed), pointsToHundredths(ev.claimed.total?.value), pointsToHundredths(s.total), s.grade, 'now', 'now'],
    lines: ev.budget.lines.map((l, seq) => [seq, l.kind, l.label.raw, wanYuanToFen(l.initial?.value), wanYuanToFen(l.adjusted?.value), wanYuanToFen(l.received?.value), wanYuanToFen(l.executed?.value)]),
    goals: [ev.goals.expected?.raw ?? null, ev.goals.achieved?.raw ?? null],
    indicators: ev.indicators.map((ind, seq) => [seq, ind.level1, ind.level2.raw, ind.name.raw, pointsToHundredths(ind.points.value), ind.target.raw, null, ind.actual.raw, pointsToHundredths(ind.claimedScore.value), pointsToHundredths(s.indicators[seq]!.score), null]),
  };
}

const SQL = {
  dept: 'insert into departments (code, name) values ($1, $2) returning id',
  project: 'insert into projects (department_id, name) values ($1, $2) returning id',
  evaluation:
    'insert into evaluations (project_id, year, scheme_id, layout, status, version, document, budget_fen, executed_fen, claimed_total_hundredths, total_hundredths, grade, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) returning id',
  line: 'insert into budget_lines (evaluation_id, seq, kind, label, initial_fen, adjusted_fen, received_fen, executed_fen) values ($1,$2,$3,$4,$5,$6,$7,$8)',
  goal: 'insert into goals (evaluation_id, expected, achieved) values ($1,$2,$3)',
  indicator:
    'insert into indicators (evaluation_id, seq, level1, level2, name, points_hundredths, target, target_adjusted, actual, claimed_hundredths, computed_hundredths, deviation) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)',
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
        const project = (st.project.get(dept, ev.project.name.raw) as { id: number }).id;
        const id = (st.evaluation.get(project, ...r.evaluation) as { id: number }).id;
        for (const l of r.lines) st.line.run(id, ...l);
        st.goal.run(id, ...r.goals);
        for (const i of r.indicators) st.indicator.run(id, ...i);
        st.change.run(id);
      }
    })();
  }
  const elapsed = ms(t);
  db.close();
  return elapsed;
}

async function rawPostgres(url: string, schema: string): Promise<number> {
  await (await connect(url, { schema })).db.destroy();
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  const q = (name: keyof typeof SQL, values: unknown[]) => c.query({ name, text: SQL[name], values });
  const t = process.hrtime.bigint();
  for (let d = 0; d < departments; d++) {
    const forms = departmentForms(d);
    await c.query('begin');
    const dept = (await q('dept', [`raw-${d}`, `部门${d}`])).rows[0].id;
    for (const ev of forms) {
      const r = rowsOf(ev);
      const project = (await q('project', [dept, ev.project.name.raw])).rows[0].id;
      const id = (await q('evaluation', [project, ...r.evaluation])).rows[0].id;
      for (const l of r.lines) await q('line', [id, ...l]);
      await q('goal', [id, ...r.goals]);
      for (const i of r.indicators) await q('indicator', [id, ...i]);
      await q('change', [id]);
    }
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
const dir = mkdtempSync('/tmp/jixiao-bench-');
const figures: Figure[] = [];
const dbFigures = (db: string, raw: number, load: number, q: { summary: number[]; grades: number[]; totals: number[] }) =>
  figures.push(
    { what: `${db}: load ${n} evaluations (vs raw driver inserts)`, value: load, unit: 'ms', baseline: raw, ratio: load / raw, goal: 'ratio ≤ 1.5', met: load / raw <= 1.5 },
    { what: `${db}: 汇总表 of one department at ${n}, p50 / p95`, value: pct(q.summary, 0.5), unit: `ms (p95 ${pct(q.summary, 0.95).toFixed(1)})`, baseline: null, ratio: null, goal: 'p50 < 50 ms', met: pct(q.summary, 0.5) < 50 },
    { what: `${db}: province grade count at ${n}, p50 / p95`, value: pct(q.grades, 0.5), unit: `ms (p95 ${pct(q.grades, 0.95).toFixed(1)})`, baseline: null, ratio: null, goal: 'reported', met: null },
    { what: `${db}: 各部门汇总 (every department's sums) at ${n}, p50 / p95`, value: pct(q.totals, 0.5), unit: `ms (p95 ${pct(q.totals, 0.95).toFixed(1)})`, baseline: null, ratio: null, goal: 'reported', met: null },
  );
if (!args.includes('--no-sqlite')) {
  const raw = await rawSqlite(join(dir, 'raw.sqlite'));
  const { load, store } = await viaStore(join(dir, 'store.sqlite'));
  const q = await queries(store);
  console.log(`SQLite: raw prepared inserts ${(raw / 1000).toFixed(1)} s; store ${(load / 1000).toFixed(1)} s (${((n / load) * 1000).toFixed(0)} forms/s); ratio ${(load / raw).toFixed(2)} (goal ≤ 1.5)`);
  dbFigures('SQLite', raw, load, q);
  console.log(`SQLite: 汇总表 of one department p50 ${pct(q.summary, 0.5).toFixed(1)} ms p95 ${pct(q.summary, 0.95).toFixed(1)} ms (goal p50 < 50 ms); province grade count p50 ${pct(q.grades, 0.5).toFixed(1)} ms p95 ${pct(q.grades, 0.95).toFixed(1)} ms; 各部门汇总 p50 ${pct(q.totals, 0.5).toFixed(1)} ms`);
  await store.close();
}
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const a = `bench_raw_${process.pid}`;
  const b = `bench_store_${process.pid}`;
  await admin.query(`create schema ${a}; create schema ${b}`);
  try {
    const raw = await rawPostgres(pgUrl, a);
    const { load, store } = await viaStore(pgUrl, b);
    const q = await queries(store);
    console.log(`PostgreSQL: raw prepared inserts ${(raw / 1000).toFixed(1)} s; store ${(load / 1000).toFixed(1)} s (${((n / load) * 1000).toFixed(0)} forms/s); ratio ${(load / raw).toFixed(2)} (goal ≤ 1.5)`);
    dbFigures('PostgreSQL', raw, load, q);
    console.log(`PostgreSQL: 汇总表 p50 ${pct(q.summary, 0.5).toFixed(1)} ms p95 ${pct(q.summary, 0.95).toFixed(1)} ms; province grade count p50 ${pct(q.grades, 0.5).toFixed(1)} ms p95 ${pct(q.grades, 0.95).toFixed(1)} ms; 各部门汇总 p50 ${pct(q.totals, 0.5).toFixed(1)} ms`);
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
    await admin.query(`drop schema ${a} cascade; drop schema ${b} cascade`);
    await admin.end();
  }
}
rmSync(dir, { recursive: true, force: true });
report('store', figures);
