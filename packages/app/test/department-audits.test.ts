/**
 * The department's forms and audit kept between requests (DepartmentAudits), on a real SQLite file:
 * what is kept is what a fresh computation gives, and after every kind of write the next answer is
 * what a fresh computation gives — an edited form read and audited again alone, the department read
 * again when forms were added or deleted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticForms, type Store, type StoredEvaluation } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { computeDepartment, DepartmentAudits, prepareForm, preparedSelfEvaluations } from '../src/index.ts';

let store: KyselyStore;
/** the same store, counting the full reads of a department's forms and the reads of one form */
let counted: Store;
let reads = 0;
let gets = 0;
let hebei: number;
let xinjiang: number;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-audits-')), 'jixiao.sqlite')));
  await loadDemo(store);
  counted = new Proxy(store, {
    get(target, key) {
      if (key === 'listEvaluations') reads++;
      if (key === 'getEvaluation') gets++;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const departments = await store.listDepartments();
  hebei = departments.find((d) => d.name.includes('大厂'))!.id;
  xinjiang = departments.find((d) => d.name.includes('昌吉'))!.id;
});
afterAll(() => store.close());

/** what the routes computed before anything was kept */
async function fresh(id: number, year?: number) {
  const stored = await store.listEvaluations({ departmentId: id, ...(year !== undefined && { year }) });
  return { stored, ...computeDepartment(stored) };
}

describe('DepartmentAudits', () => {
  it('answers an unchanged department from what it kept, equal to a fresh computation', async () => {
    const audits = new DepartmentAudits(counted);
    reads = 0;
    const first = await audits.load(hebei, 2023);
    const again = await audits.load(hebei, 2023);
    expect(reads).toBe(1);
    expect(again.findings).toBe(first.findings); // kept, not recomputed
    const f = await fresh(hebei, 2023);
    expect(again.stored).toEqual(f.stored);
    expect(again.summary).toEqual(f.summary);
    expect(again.scores).toEqual(f.scores);
    expect(again.findings).toEqual(f.findings);
    expect(again.d.id).toBe(hebei);
    // another year (or all years) is another computation
    await audits.load(hebei);
    expect(reads).toBe(2);
  });

  it('an edit and a status change re-read that form alone, a deletion and an import the department; a review only its stamp', async () => {
    const audits = new DepartmentAudits(counted);
    const load = async () => {
      const [before, got] = [reads, gets];
      const r = await audits.load(hebei, 2023);
      return { ...r, read: reads > before, got: gets - got };
    };
    const expectFresh = async (r: Awaited<ReturnType<typeof load>>) => {
      const f = await fresh(hebei, 2023);
      expect(r.stored).toEqual(f.stored);
      expect(r.scores).toEqual(f.scores);
      expect(r.findings).toEqual(f.findings);
      expect(r.summary).toEqual(f.summary);
    };
    const start = await load();
    expect(start.read).toBe(true);

    // edit: the 见义勇为基金 form (74.26, 中) gets its 人次 row right → 90.26
    const i = start.stored.findIndex((s) => s.evaluation.project.name.raw === '见义勇为基金');
    const form = start.stored[i]!;
    const changed = structuredClone(form.evaluation);
    changed.indicators[0]!.actual = { raw: '＝5人次' };
    const v2 = await store.updateEvaluation(form.id, prepareForm(form.kind, changed).prepared, form.version, '张三');
    const edited = await load();
    expect(edited).toMatchObject({ read: false, got: 1 });
    expect(edited.summary.rows[i]).toMatchObject({ project: '见义勇为基金', score: '90.26', grade: '优' });
    expect(edited.scores[i === 0 ? 1 : 0]).toBe(start.scores[i === 0 ? 1 : 0]); // the other forms were not scored again
    await expectFresh(edited);

    // status change
    await store.setStatus(form.id, 'submitted', v2.version, '张三', {});
    const submitted = await load();
    expect(submitted).toMatchObject({ read: false, got: 1 });
    expect(submitted.stored[i]).toMatchObject({ status: 'submitted', version: v2.version + 1 });
    await expectFresh(submitted);

    // a review: the forms did not change (no new read), but the stamp shown is the new one
    const unchanged = await load();
    expect(unchanged.read).toBe(false);
    await store.saveReviews(form.id, [{ indicatorId: 'i1', score: '10', reason: '复核' }], '财政局');
    const reviewed = await load();
    expect(reviewed.read).toBe(false);
    const stamp = (await store.evaluationStamp(form.id))!.updatedAt;
    expect(reviewed.stored[i]!.updatedAt).toBe(stamp);
    expect(reviewed.stored).toEqual((await fresh(hebei, 2023)).stored);

    // deletion of another form (a draft)
    const other = reviewed.stored.find((s) => s.status === 'draft' && s.id !== form.id)!;
    await store.deleteEvaluation(other.id, other.version, '张三');
    const deleted = await load();
    expect(deleted).toMatchObject({ read: true, got: 0 });
    expect(deleted.stored.map((s) => s.id)).not.toContain(other.id);
    expect(deleted.summary.rows).toHaveLength(reviewed.summary.rows.length - 1);

    // import of a new form
    const extra = structuredClone(form.evaluation);
    extra.project.name = { raw: '新增项目' };
    await store.importEvaluations({ departmentId: hebei, forms: preparedSelfEvaluations([extra]), actor: '张三' });
    const imported = await load();
    expect(imported.read).toBe(true);
    expect(imported.summary.rows.map((r) => r.project)).toContain('新增项目');
    await expectFresh(imported);
  });

  it('many forms changed at once: the department is read again rather than form by form', async () => {
    const d = await store.ensureDepartment({ code: 'audits-twelve', name: '十二张表的部门' });
    await store.importEvaluations({ departmentId: d.id, forms: preparedSelfEvaluations(syntheticForms(12, 5, { mistakes: true })), actor: '张三' });
    const audits = new DepartmentAudits(counted);
    const touch = async (forms: readonly StoredEvaluation[]) => {
      for (const s of forms) await store.updateEvaluation(s.id, prepareForm(s.kind, s.evaluation).prepared, s.version, '张三');
      const [before, got] = [reads, gets];
      const r = await audits.load(d.id);
      expect(r.stored).toEqual((await fresh(d.id)).stored);
      expect(r.findings).toEqual((await fresh(d.id)).findings);
      return [reads - before, gets - got];
    };
    const first = await audits.load(d.id);
    expect(await touch(first.stored.slice(3, 5))).toEqual([0, 2]); // two of twelve: read one by one
    expect(await touch((await audits.load(d.id)).stored)).toEqual([1, 0]); // all twelve (> 10): read together
  });

  it('keeps at most maxForms forms, dropping the least recently used department', async () => {
    const sizes = {
      hebei: (await store.evaluationVersions({ departmentId: hebei })).length,
      xinjiang: (await store.evaluationVersions({ departmentId: xinjiang })).length,
    };
    const audits = new DepartmentAudits(counted, sizes.hebei + sizes.xinjiang - 1);
    reads = 0;
    await audits.load(hebei);
    await audits.load(xinjiang); // over the limit together: hebei is dropped
    await audits.load(xinjiang);
    expect(reads).toBe(2);
    await audits.load(hebei);
    expect(reads).toBe(3);
    // a department larger than the limit is computed each time, never kept
    const small = new DepartmentAudits(counted, sizes.hebei - 1);
    reads = 0;
    await small.load(hebei);
    await small.load(hebei);
    expect(reads).toBe(2);
  });

  it('requests that arrive while the same forms are audited share that audit', async () => {
    const audits = new DepartmentAudits(counted);
    reads = 0;
    const [a, b, c] = await Promise.all([audits.load(xinjiang), audits.load(xinjiang), audits.load(xinjiang)]);
    expect(reads).toBe(1);
    expect(b.findings).toBe(a.findings);
    expect(c.summary).toBe(a.summary);
    expect(a.summary).toEqual((await fresh(xinjiang)).summary);
  });

  it('an unknown department is STORE.NOT_FOUND', async () => {
    await expect(new DepartmentAudits(store).load(999_999)).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
  });
});
