/**
 * Commits are atomic and idempotent (issue 24), on SQLite and PostgreSQL: one key commits once, also
 * when four commits of it race; a multi-file commit stores all or nothing and names the failing file,
 * the new department included; ten concurrent creates of one new form give one form and nine
 * STORE.DUPLICATE, never a database error; a deleted form's department stays known.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluation, type Store } from '@jixiao/core';
import { connect, KyselyStore, StoreError } from '../src/index.ts';

const golden = join(import.meta.dirname, '../../../fixtures/golden');
const hebei = readdirSync(golden)
  .filter((f) => f.startsWith('hebei') && f.includes('.form-'))
  .sort()
  .map((f) => Evaluation.parse(JSON.parse(readFileSync(join(golden, f), 'utf8'))));
const PG_URL = process.env.JIXIAO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `jixiao_commit_${process.pid}_${Date.now()}`;

const targets = [
  {
    name: 'SQLite',
    open: async () => new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-commit-')), 'jixiao.sqlite'))),
    cleanup: async () => {},
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.end();
      return new KyselyStore(await connect(PG_URL, { schema }));
    },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  },
];

const file = (name: string, evaluations: Evaluation[]) => ({
  source: {
    name,
    sha256: name
      .padEnd(64, '0')
      .slice(0, 64)
      .replace(/[^0-9a-f]/g, 'a'),
    bytes: new TextEncoder().encode(name),
  },
  forms: preparedSelfEvaluations(evaluations),
});
const renamed = (ev: Evaluation, name: string): Evaluation => ({ ...ev, project: { ...ev.project, name: { raw: name } } });

describe.each(targets)('import commits on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await store.close();
    await target.cleanup();
  });

  it('four concurrent commits of one key: one stores the forms, three get IMPORT.ALREADY_COMMITTED; nothing twice', async () => {
    const files = [file('a.docx', hebei.slice(0, 3))];
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => store.importFiles({ department: { code: 'race', name: '并发部门' }, files, actor: 't', commitKey: 'token-race' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as StoreError).code)).toEqual(['IMPORT.ALREADY_COMMITTED', 'IMPORT.ALREADY_COMMITTED', 'IMPORT.ALREADY_COMMITTED']);
    const depts = (await store.listDepartments()).filter((d) => d.code === 'race');
    expect(depts).toHaveLength(1);
    expect(await store.listEvaluations({ departmentId: depts[0]!.id })).toHaveLength(3);
    // later, too
    await expect(store.importFiles({ department: { id: depts[0]!.id }, files, actor: 't', commitKey: 'token-race' })).rejects.toMatchObject({
      code: 'IMPORT.ALREADY_COMMITTED',
    });
    expect(await store.listEvaluations({ departmentId: depts[0]!.id })).toHaveLength(3);
  });

  it('two files, the second a duplicate: nothing stored (not even the new department), the error names the second file', async () => {
    const first = file('first.docx', hebei.slice(3, 6));
    const second = file('second.docx', [hebei[4]!]);
    const e = await store
      .importFiles({ department: { code: 'atomic', name: '原子部门' }, files: [first, second], actor: 't', commitKey: 'token-atomic' })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect(e).toMatchObject({ code: 'STORE.DUPLICATE', details: { file: 'second.docx' }, message: expect.stringContaining('second.docx') });
    expect((await store.listDepartments()).some((d) => d.code === 'atomic')).toBe(false);
    expect(await store.sourceFile(first.source.sha256)).toBeNull();
    // the key was not spent: the corrected commit goes through
    const ok = await store.importFiles({ department: { code: 'atomic', name: '原子部门' }, files: [first], actor: 't', commitKey: 'token-atomic' });
    expect(ok.evaluations).toHaveLength(3);
  });

  it('ten concurrent creates of one new form: one form, nine STORE.DUPLICATE', async () => {
    const dept = await store.ensureDepartment({ code: 'creates', name: '新建部门' });
    const ev = renamed(hebei[0]!, '并发新建的项目');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations([ev]), actor: 't' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'STORE.DUPLICATE' });
    expect(await store.listEvaluations({ departmentId: dept.id })).toHaveLength(1);
    expect((await store.listProjects(dept.id)).filter((p) => p.name === '并发新建的项目')).toHaveLength(1);
  });

  it('ten concurrent creates of one department code: one department', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => store.ensureDepartment({ code: 'same-code', name: '同码部门' })));
    expect(new Set(all.map((d) => d.id)).size).toBe(1);
  });

  it('money that would not be exact whole 分 is refused by the store itself, nothing half-stored (issue 24: a float on SQLite, a 500 on PostgreSQL)', async () => {
    const dept = await store.ensureDepartment({ code: 'huge', name: '巨额部门' });
    const huge = '1' + '0'.repeat(25);
    const ev = renamed(hebei[2]!, '巨额项目');
    const bad = { ...ev, budget: { ...ev.budget, lines: ev.budget.lines.map((l, i) => (i === 0 ? { ...l, adjusted: { raw: huge, value: huge } } : l)) } };
    await expect(store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations([bad]), actor: 't' })).rejects.toMatchObject({
      code: 'STORE.VALUE_OUT_OF_RANGE',
    });
    expect(await store.listEvaluations({ departmentId: dept.id })).toEqual([]);
    expect((await store.departmentTotals()).length).toBeGreaterThan(0);
  });

  it('money at the bound stays exact whole 分 on the engine, also summed past 2^53 (各部门汇总)', async () => {
    const dept = await store.ensureDepartment({ code: 'max-money', name: '上限部门' });
    const max = '999999999.99'; // 万元, the largest two-decimal figure within the bound
    const forms = Array.from({ length: 10 }, (_, i) => {
      const ev = renamed(hebei[i % hebei.length]!, `上限项目${i}`);
      const lines = ev.budget.lines.map((l, k) =>
        k === 0 ? { ...l, initial: { raw: max, value: max }, adjusted: { raw: max, value: max }, executed: { raw: max, value: max } } : l,
      );
      return { ...ev, budget: { ...ev.budget, lines } };
    });
    const saved = await store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations(forms), actor: 't' });
    const rows = await store.summaryRows(dept.id);
    expect(rows.map((r) => r.budgetFen)).toEqual(saved.map(() => 999_999_999_990_000));
    const mine = (await store.departmentTotals()).filter((t) => t.departmentId === dept.id);
    // 10 × 999,999,999,990,000 分 = 9,999,999,999,900,000: beyond 2^53, exact as a bigint
    expect(mine.reduce((a, t) => a + t.budgetFen, 0n)).toBe(9_999_999_999_900_000n);
  });

  it('a deleted form still belongs to its department', async () => {
    const dept = await store.ensureDepartment({ code: 'deleted', name: '删除部门' });
    const [saved] = await store.importEvaluations({
      departmentId: dept.id,
      forms: preparedSelfEvaluations([renamed(hebei[1]!, '将被删除的项目')]),
      actor: 't',
    });
    expect(await store.evaluationDepartment(saved!.id)).toEqual({ departmentId: dept.id, deleted: false });
    await store.deleteEvaluation(saved!.id, 1, 't');
    expect(await store.evaluationDepartment(saved!.id)).toEqual({ departmentId: dept.id, deleted: true });
    expect(await store.evaluationDepartment(999_999)).toBeNull();
  });
});
