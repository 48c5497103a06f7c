/**
 * The use cases of a form on a real SQLite file with the seed forms: made blank or from last year's,
 * its year changed, a draft deleted, and each refusal a coded Chinese error that stores nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScheme, type Store } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { commitImportedFiles, FormUseCases, operator, type Actor } from '../src/index.ts';

let store: Store;
let forms: FormUseCases;
let hebei: number;
let shanxi: number;
const admin = operator('admin');
const filler = (departmentId: number): Actor => ({ username: 'tianbao', displayName: '张会计', role: 'filler', sees: (d) => d === departmentId });

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-forms-')), 'jixiao.sqlite')));
  await loadDemo(store);
  forms = new FormUseCases(store);
  const ds = await store.listDepartments();
  hebei = ds.find((d) => d.code.startsWith('hebei'))!.id;
  shanxi = ds.find((d) => d.code.startsWith('shanxi'))!.id;
});
afterAll(() => store.close());

describe('a new form', () => {
  it('blank, in the department’s own layout: its groups and 二级 rows, nothing filled in, ids on every row', async () => {
    const view = await forms.create(filler(hebei), {
      kind: 'self-evaluation',
      newProject: { departmentId: hebei, name: '2024年新项目' },
      year: 2024,
      from: 'blank',
    });
    const ev = view.evaluation;
    expect(view).toMatchObject({ kind: 'self-evaluation', status: 'draft', version: 1, year: 2024, project: '2024年新项目', schemeId: 'hebei' });
    expect(ev.layout).toBe('hebei');
    expect(ev.indicators.length).toBeGreaterThan(3);
    expect(ev.indicators.every((i) => i.id && i.name.raw === '' && i.target.raw === '' && i.actual.raw === '')).toBe(true);
    expect(new Set(ev.indicators.map((i) => i.id)).size).toBe(ev.indicators.length);
    expect(ev.budget.lines.every((l) => (l.executed?.value ?? null) === null)).toBe(true);
    // an empty form is a draft with findings, not a form that passes
    expect(view.findings.length).toBeGreaterThan(0);
    expect(view.permissions).toMatchObject({ edit: true, delete: true, actions: ['submit'] });
    // the project exists now, in that department
    expect((await store.listProjects(hebei)).some((p) => p.name === '2024年新项目')).toBe(true);
  });

  it('blank in the national template where the department has no form yet', async () => {
    const d = await store.ensureDepartment({ code: 'new-dept', name: '新部门' });
    const view = await forms.create(admin, { kind: 'self-evaluation', newProject: { departmentId: d.id, name: '第一个项目' }, year: 2024, from: 'blank' });
    expect(view.schemeId).toBe('national');
    const l1 = [...new Set(view.evaluation.indicators.map((i) => i.level1))];
    expect(l1).toEqual(getScheme('national').weights.map((w) => w.level1));
    expect(view.evaluation.indicators.filter((i) => i.level1 === '产出指标').map((i) => i.level2.raw)).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
    ]);
    expect(view.evaluation.groups.map((g) => [g.name, g.declaredPoints])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
  });

  it('from last year’s: the tree, ids and targets carried over, actuals empty, last year’s actuals shown beside them', async () => {
    const [last] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const view = await forms.create(filler(shanxi), { kind: 'self-evaluation', projectId: last!.projectId, year: 2023, from: 'previous-year' });
    const before = last!.evaluation.indicators;
    const now = view.evaluation.indicators;
    expect(now.map((i) => [i.id, i.name.raw, i.points.raw])).toEqual(before.map((i) => [i.id, i.name.raw, i.points.raw]));
    // this year's target is last year's adjusted one where there was one, else last year's target
    expect(now.map((i) => i.target.raw)).toEqual(before.map((i) => (i.targetAdjusted?.raw.trim() ? i.targetAdjusted.raw : i.target.raw)));
    expect(now.every((i) => i.actual.raw === '' && i.claimedScore.value === null && (i.deviation?.raw ?? '') === '')).toBe(true);
    expect(view.evaluation.claimed).toEqual({});
    expect(view.evaluation.source).toBeUndefined();
    expect(JSON.stringify(view.evaluation)).not.toContain('"src"');
    expect(view.previousYear).toMatchObject({ evaluationId: last!.id, year: 2022 });
    const withActual = before.filter((i) => i.actual.raw.trim());
    expect(Object.keys(view.previousYear!.actuals)).toEqual(withActual.map((i) => i.id));
    expect(view.previousYear!.actuals[withActual[0]!.id!]).toBe(withActual[0]!.actual.raw);
  });

  it('its year changed while a draft, then deleted; the history stays', async () => {
    const [last] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const made = await forms.create(filler(shanxi), { kind: 'self-evaluation', projectId: last!.projectId, year: 2025, from: 'blank' });
    const moved = await forms.changeYear(filler(shanxi), made.id, 2026, made.version);
    expect(moved).toMatchObject({ year: 2026, version: 2 });
    expect(moved.evaluation.year).toBe(2026);
    await forms.remove(filler(shanxi), made.id, moved.version);
    expect(await store.getEvaluation(made.id)).toBeNull();
    expect((await forms.history(admin, made.id)).map((c) => c.field)).toEqual(['(导入)', 'year', '(删除)']);
    // the records of a deleted form stay with its department: readable by its users, by nobody else
    expect((await forms.history(filler(shanxi), made.id)).length).toBe(3);
    await expect(forms.history(filler(hebei), made.id)).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
  });
});

describe('refused, with a code and nothing stored', () => {
  it('an unknown kind', async () => {
    const before = (await store.listEvaluations()).length;
    await expect(
      forms.create(admin, { kind: 'annual-report', newProject: { departmentId: hebei, name: 'X' }, year: 2024, from: 'blank' }),
    ).rejects.toMatchObject({ code: 'FORM.UNKNOWN_KIND', message: expect.stringContaining('没有“annual-report”这种表') });
    expect((await store.listEvaluations()).length).toBe(before);
  });

  it('a copy from a year that has no form', async () => {
    const [f] = await store.listEvaluations({ departmentId: hebei, year: 2023 });
    await expect(forms.create(filler(hebei), { kind: 'self-evaluation', projectId: f!.projectId, year: 2030, from: 'previous-year' })).rejects.toMatchObject({
      code: 'FORM.NO_PREVIOUS_YEAR',
      message: expect.stringContaining('没有 2029 年度的自评表'),
    });
    expect(await store.listEvaluations({ projectId: f!.projectId, year: 2030 })).toEqual([]);
  });

  it('a second form of the same kind for the same project-year', async () => {
    const [f] = await store.listEvaluations({ departmentId: hebei, year: 2023 });
    await expect(forms.create(filler(hebei), { kind: 'self-evaluation', projectId: f!.projectId, year: 2023, from: 'blank' })).rejects.toMatchObject({
      code: 'STORE.DUPLICATE',
    });
    expect(await store.listEvaluations({ projectId: f!.projectId })).toHaveLength(1);
  });

  it('a change to a frozen form, a form of another department, a role that may not create', async () => {
    const [f] = await store.listEvaluations({ departmentId: hebei, grade: '优' });
    const submitted = await forms.act(filler(hebei), f!.id, 'submit', f!.version);
    await expect(forms.save(filler(hebei), f!.id, f!.evaluation, submitted.version)).rejects.toMatchObject({
      code: 'WORKFLOW.READ_ONLY',
      message: expect.stringContaining('退回后才能修改'),
    });
    await expect(forms.changeYear(filler(hebei), f!.id, 2024, submitted.version)).rejects.toMatchObject({ code: 'WORKFLOW.READ_ONLY' });
    await expect(forms.remove(filler(hebei), f!.id, submitted.version)).rejects.toMatchObject({ code: 'WORKFLOW.READ_ONLY' });
    expect((await store.getEvaluation(f!.id))!.version).toBe(submitted.version);
    await expect(forms.read(filler(shanxi), f!.id)).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
    const reviewer: Actor = { username: 'shenhe', displayName: '审核人', role: 'unit-reviewer', sees: () => true };
    await expect(
      forms.create(reviewer, { kind: 'self-evaluation', newProject: { departmentId: hebei, name: 'Y' }, year: 2024, from: 'blank' }),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('a form whose indicators repeat an id', async () => {
    const [f] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const ev = structuredClone(f!.evaluation);
    ev.indicators[1]!.id = ev.indicators[0]!.id;
    await expect(forms.save(filler(shanxi), f!.id, ev, f!.version)).rejects.toMatchObject({ code: 'FORM.DUPLICATE_INDICATOR_ID' });
    expect((await store.getEvaluation(f!.id))!.version).toBe(f!.version);
  });
});

describe('ids on a save (review findings)', () => {
  it('an indicator sent without an id where a reviewed one was deleted gets a fresh id: the review does not move onto it', async () => {
    const [, second] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const f = second!;
    await store.saveReviews(f.id, [{ indicatorId: 'i3', score: '1', reason: '第三个指标核减' }], 'caizheng');
    const ev = structuredClone(f.evaluation);
    const { id: _, ...rest } = ev.indicators[2]!;
    ev.indicators[2] = { ...rest, name: { raw: '全新指标' } }; // i3 deleted, a new row without an id in its place
    const saved = await forms.save(filler(shanxi), f.id, ev, f.version);
    const fresh = saved.evaluation.indicators[2]!;
    expect(fresh.name.raw).toBe('全新指标');
    expect(fresh.id).toMatch(/^n[0-9a-f]{12}$/);
    expect(saved.reviews).toEqual([]);
    expect((await store.history(f.id)).some((c) => c.field === '复核得分 indicators[i3]' && c.after === null)).toBe(true);
  });

  it('a blank form shows no 上年实际完成值: its row ids name other indicators last year', async () => {
    const [, , third] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const view = await forms.create(filler(shanxi), { kind: 'self-evaluation', projectId: third!.projectId, year: 2023, from: 'blank' });
    expect(view.previousYear).toBeNull();
  });
});

describe('a save', () => {
  it('scores once and shows the same check it stored', async () => {
    const [f] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const ev = structuredClone(f!.evaluation);
    ev.goals.achieved = { raw: '已完成年度目标' };
    const saved = await forms.save(filler(shanxi), f!.id, ev, f!.version);
    const stored = (await store.getEvaluation(f!.id))!;
    expect(saved.total).toBe((stored.totalHundredths / 100).toFixed(2));
    expect(saved.score.total).toBe(saved.total);
    expect(saved.grade).toBe(stored.grade);
  });
});

describe('the records of a deleted form (review finding)', () => {
  it('name its indicators as the form had them when it was deleted', async () => {
    const [, , third] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    const ev = structuredClone(third!.evaluation);
    ev.indicators[0]!.actual = { raw: '已完成' };
    const saved = await forms.save(filler(shanxi), third!.id, ev, third!.version);
    await forms.remove(filler(shanxi), third!.id, saved.version);
    const h = await forms.history(filler(shanxi), third!.id);
    expect(h.find((c) => c.field === 'indicators[i1].actual')!.label).toBe(`指标“${ev.indicators[0]!.name.raw.trim()}” · 实际完成值`);
  });

  it('a save or delete naming a version other than the one whose status was checked is a conflict', async () => {
    const [f] = await store.listEvaluations({ departmentId: shanxi, year: 2022 });
    await expect(forms.save(filler(shanxi), f!.id, f!.evaluation, f!.version + 1)).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    await expect(forms.remove(filler(shanxi), f!.id, f!.version + 1)).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    expect(await store.getEvaluation(f!.id)).not.toBeNull();
  });
});

describe('an import commit', () => {
  it('a form that cannot be stored names its file, and nothing of the commit is stored', async () => {
    const [f] = await store.listEvaluations({ departmentId: hebei, year: 2023 });
    const twice = { ...f!.evaluation, project: { name: { raw: '编号重复的项目' } }, indicators: f!.evaluation.indicators.map((i) => ({ ...i, id: 'x1' })) };
    const before = (await store.listEvaluations()).length;
    await expect(
      commitImportedFiles(store, admin, { id: hebei }, [
        { source: { name: '坏表.docx', sha256: 'a'.repeat(64), bytes: new Uint8Array([1]) }, evaluations: [twice] },
      ]),
    ).rejects.toMatchObject({ code: 'FORM.DUPLICATE_INDICATOR_ID', message: expect.stringContaining('文件“坏表.docx”'), details: { file: '坏表.docx' } });
    expect((await store.listEvaluations()).length).toBe(before);
  });
});
