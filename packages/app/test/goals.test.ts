/**
 * The goal form's cycle through the use cases on a real SQLite file (issue 20): made blank, linted, handed
 * in, approved by the unit and by the finance bureau (批复), frozen but for adjustments, the year's 自评表
 * started from it (scored by the adjusted target), next year's goals from this year's with this year's
 * actuals beside them — and the department summaries untouched by goal forms.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalForm, type Evaluation, type Store } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { AppError, FormUseCases, type Actor } from '../src/index.ts';

// the well-set goals (fixtures/goals), for this test's project and year
const wellSet = { ...GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/goals/well-set.goal.json'), 'utf8'))), year: 2025 };

let store: Store;
let forms: FormUseCases;
let dept: number;
const as = (role: Actor['role'], username: string): Actor => ({ username, displayName: username, role, sees: (d) => d === dept });
const filler = () => as('filler', 'tianbao');
const unit = () => as('unit-reviewer', 'danwei');
const finance = () => as('finance', 'caizheng');

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-goals-')), 'jixiao.sqlite')));
  await loadDemo(store);
  dept = (await store.listDepartments()).find((d) => d.code.startsWith('hebei'))!.id;
});
afterAll(() => store.close());

describe('a goal form from blank to 财政已批复, and the 自评表 from it', () => {
  let goalId: number;
  let projectId: number;
  let version: number;
  const summaryBefore: { rows?: number; grades?: Record<string, number>; totals?: unknown } = {};

  it('is made blank in the national layout, not scored, its empty targets found and blocking a submission', async () => {
    forms = new FormUseCases(store);
    summaryBefore.rows = (await store.summaryRows(dept)).length;
    summaryBefore.grades = await store.gradeCounts();
    summaryBefore.totals = await store.departmentTotals();
    const view = await forms.create(filler(), { kind: 'goal', newProject: { departmentId: dept, name: '网格化服务管理' }, year: 2025, from: 'blank' });
    goalId = view.id;
    projectId = view.projectId;
    version = view.version;
    expect(view).toMatchObject({ kind: 'goal', status: 'draft', statusLabel: '填报中', score: null, total: null, grade: null, reviewedTotal: null });
    expect(view.evaluation).toMatchObject({ kind: 'goal', layout: 'national', year: 2025 });
    expect(view.findings.some((f) => f.code === 'G3.EMPTY' && f.location.indicatorId === 'i1')).toBe(true);
    expect(view.permissions).toMatchObject({ edit: true, adjust: false, review: false, actions: ['submit'] });
    const e = await refused(forms.act(filler(), goalId, 'submit', version));
    expect(e.code).toBe('WORKFLOW.BLOCKED');
  });

  it('a document of the other kind is refused with its code, and nothing is stored', async () => {
    const selfEvaluation = (await store.listEvaluations({ departmentId: dept, kind: 'self-evaluation' }))[0]!.evaluation;
    const e = await refused(forms.save(filler(), goalId, selfEvaluation, version));
    expect([e.code, e.message]).toEqual(['FORM.WRONG_KIND', '提交的内容是“项目支出绩效自评表”，不是“项目支出绩效目标申报表”']);
    expect((await store.getEvaluation(goalId))!.version).toBe(version);
  });

  it('a money block that disagrees with itself is a G9 finding at its cell, an error that blocks the submission', async () => {
    const bad = {
      ...wellSet,
      project: { ...wellSet.project, name: { raw: '网格化服务管理' } },
      money: { ...wellSet.money, carryover: { raw: '25', value: '25' } },
    };
    const view = await forms.save(filler(), goalId, bad, version);
    version = view.version;
    const g9 = view.findings.find((f) => f.code === 'G9.PARTS_SUM')!;
    expect(g9).toMatchObject({ rule: 'G9', severity: 'error', location: { field: 'money.annual' } });
    expect(g9.message).toContain('相差');
    expect((await refused(forms.act(filler(), goalId, 'submit', version))).code).toBe('WORKFLOW.BLOCKED');
  });

  it('well set, it is handed in, approved by the unit and by the finance bureau (批复)', async () => {
    let view = await forms.save(filler(), goalId, { ...wellSet, project: { ...wellSet.project, name: { raw: '网格化服务管理' } } }, version);
    expect(view.findings).toEqual([]);
    view = await forms.act(filler(), goalId, 'submit', view.version);
    // the year's 自评表 cannot start from goals not yet approved
    const early = await refused(forms.create(filler(), { kind: 'self-evaluation', projectId, year: 2025, from: 'goals' }));
    expect(early.code).toBe('FORM.SOURCE_NOT_READY');
    expect(early.message).toBe('“网格化服务管理”2025 年度的绩效目标申报表尚未财政已批复（当前：已提交），不能据此生成自评表');
    view = await forms.act(unit(), goalId, 'approve', view.version);
    view = await forms.act(finance(), goalId, 'finalize', view.version);
    version = view.version;
    expect(view).toMatchObject({ status: 'finance-reviewed', statusLabel: '财政已批复' });
    // nobody returns an approved goal form; finance reviews no score of it
    expect(view.permissions).toMatchObject({ edit: false, adjust: false, review: false, actions: [] });
    expect((await forms.read(filler(), goalId)).permissions).toMatchObject({ edit: false, adjust: true, actions: [] });
    expect((await refused(forms.review(finance(), goalId, [{ indicatorId: 'grid-training', score: '1', reason: 'x' }]))).code).toBe('FORM.BAD_INPUT');
    expect((await store.snapshots(goalId)).map((s) => s.status)).toEqual(['submitted', 'unit-approved', 'finance-reviewed']);
  });

  it('approved, a target edited in place is refused (GOAL.APPROVED_FROZEN, the cell named); nothing is stored', async () => {
    const edited = structuredClone((await store.getEvaluation(goalId))!.evaluation as GoalForm);
    edited.indicators[1]!.target = { raw: '≥10次' };
    const e = await refused(forms.save(filler(), goalId, edited, version));
    expect(e.code).toBe('GOAL.APPROVED_FROZEN');
    expect(e.message).toBe('目标申报表已批复，“开展矛盾纠纷集中排查次数”的年度指标值“≥12次”不能修改；如需调整，请填写调整后指标值和调整原因，原指标值保留');
    expect(e.details.problems).toEqual([
      expect.objectContaining({
        code: 'GOAL.APPROVED_TARGET_EDITED',
        details: expect.objectContaining({ indicatorId: 'dispute-screening', field: 'indicators[1].target' }),
      }),
    ]);
    // an adjustment without its reason, too; and the unit's reviewer edits nothing
    const noReason = structuredClone((await store.getEvaluation(goalId))!.evaluation as GoalForm);
    noReason.indicators[1]!.adjusted = { target: { raw: '≥10次' }, reason: { raw: '' } };
    expect((await refused(forms.save(filler(), goalId, noReason, version))).details.problems).toEqual([
      expect.objectContaining({ code: 'GOAL.ADJUSTMENT_WITHOUT_REASON' }),
    ]);
    expect((await refused(forms.save(unit(), goalId, noReason, version))).code).toBe('WORKFLOW.NOT_YOURS');
    expect((await store.getEvaluation(goalId))!.version).toBe(version);
  });

  it('an adjustment with its reason is saved beside the approved value, still 财政已批复, and kept in the history', async () => {
    const adjusted = structuredClone((await store.getEvaluation(goalId))!.evaluation as GoalForm);
    adjusted.indicators[1]!.adjusted = { target: { raw: '≥10次' }, reason: { raw: '上级调整任务，排查次数相应调减' } };
    const view = await forms.save(filler(), goalId, adjusted, version);
    version = view.version;
    expect(view.status).toBe('finance-reviewed');
    const ind = (view.evaluation as GoalForm).indicators[1]!;
    expect([ind.target.raw, ind.adjusted?.target.raw, ind.adjusted?.reason.raw]).toEqual(['≥12次', '≥10次', '上级调整任务，排查次数相应调减']);
    const history = await forms.history(filler(), goalId);
    expect(history.filter((c) => c.version === version).map((c) => [c.field, c.label, c.after])).toEqual([
      ['indicators[dispute-screening].adjusted.target', '指标“开展矛盾纠纷集中排查次数” · 调整后指标值', '≥10次'],
      ['indicators[dispute-screening].adjusted.reason', '指标“开展矛盾纠纷集中排查次数” · 调整原因', '上级调整任务，排查次数相应调减'],
    ]);
  });

  it('the year’s 自评表 starts from the approved goals: tree and targets by id, both values of the adjusted one, actuals empty; scored by the adjusted one', async () => {
    const view = await forms.create(filler(), { kind: 'self-evaluation', projectId, year: 2025, from: 'goals' });
    const ev = view.evaluation as Evaluation;
    expect(view).toMatchObject({ kind: 'self-evaluation', status: 'draft', year: 2025, project: '网格化服务管理' });
    expect(ev.indicators.map((i) => i.id)).toEqual(wellSet.indicators.map((i) => i.id));
    expect(ev.indicators.map((i) => i.target.raw)).toEqual(wellSet.indicators.map((i) => i.target.raw));
    expect(ev.indicators.every((i) => i.actual.raw === '')).toBe(true);
    expect([ev.indicators[1]!.targetAdjusted?.raw, ev.indicators[1]!.adjustReason?.raw]).toEqual(['≥10次', '上级调整任务，排查次数相应调减']);
    // 11次 meets the adjusted ≥10次 (full 10 points), not the approved ≥12次 (9.17)
    const filled = structuredClone(ev);
    filled.indicators[1]!.actual = { raw: '11次' };
    filled.indicators[0]!.actual = { raw: '600人次' };
    const saved = await forms.save(filler(), view.id, filled, view.version);
    expect(saved.score!.indicators[1]).toMatchObject({ score: '10.00', targetUsed: 'adjusted' });
    // a second one for the same project-year is refused by the store
    await expect(forms.create(filler(), { kind: 'self-evaluation', projectId, year: 2025, from: 'goals' })).rejects.toMatchObject({ code: 'STORE.DUPLICATE' });
  });

  it('next year’s goals start from this year’s, with this year’s actuals beside the targets and the history rules on them (G10)', async () => {
    const view = await forms.create(filler(), { kind: 'goal', projectId, year: 2026, from: 'previous-year' });
    const g = view.evaluation as GoalForm;
    expect(g.indicators.map((i) => i.id)).toEqual(wellSet.indicators.map((i) => i.id));
    // the target that counted this year, without its adjustment
    expect([g.indicators[1]!.target.raw, g.indicators[1]!.adjusted]).toEqual(['≥10次', undefined]);
    expect(view.previousYear).toMatchObject({ kind: 'self-evaluation', year: 2025, actuals: { 'grid-training': '600人次', 'dispute-screening': '11次' } });
    // ≥10次 where 11次 were done this year: a target looser than what was achieved
    expect(view.findings.filter((f) => f.rule === 'G10').map((f) => [f.code, f.location.indicatorId])).toEqual([
      ['G10.BELOW_LAST_ACTUAL', 'dispute-screening'],
    ]);
    // last year's record changes without this form's version changing: read again, the check follows it
    const lastYear = (await store.listEvaluations({ projectId, kind: 'self-evaluation', year: 2025 }))[0]!;
    const more = structuredClone(lastYear.evaluation as Evaluation);
    more.indicators[1]!.actual = { raw: '20次' };
    await forms.save(filler(), lastYear.id, more, lastYear.version);
    const again = await forms.read(filler(), view.id);
    expect(again.version).toBe(view.version);
    expect(again.findings.filter((f) => f.rule === 'G10').map((f) => f.code)).toEqual(['G10.BEATEN_BY_30']);
    // an unknown way to start is a coded refusal
    expect((await refused(forms.create(filler(), { kind: 'goal', projectId, year: 2027, from: 'goals' }))).code).toBe('FORM.BAD_INPUT');
    expect((await refused(forms.create(filler(), { kind: 'self-evaluation', projectId, year: 2026, from: 'goals' }))).code).toBe('FORM.SOURCE_NOT_READY');
  });

  it('next year’s goals of the whole department, in one step: from each project’s goal form of this year', async () => {
    const { created, existing } = await forms.carryOverDepartment(filler(), dept, 2027, 'goal');
    expect(existing).toBe(0);
    expect(created.map((s) => [s.kind, s.year, s.projectId])).toEqual([['goal', 2027, projectId]]);
    expect((created[0]!.evaluation as GoalForm).indicators.map((i) => i.id)).toEqual(wellSet.indicators.map((i) => i.id));
  });

  it('an adjustment saved after the 自评表 was started reaches it while it is a draft, in the same transaction, kept in its history', async () => {
    const [se] = await store.listEvaluations({ projectId, kind: 'self-evaluation', year: 2025 });
    const adjusted = structuredClone((await store.getEvaluation(goalId))!.evaluation as GoalForm);
    adjusted.indicators[0]!.adjusted = { target: { raw: '＝500人次' }, reason: { raw: '网格员减员，培训人次相应调减' } };
    const view = await forms.save(filler(), goalId, adjusted, version);
    version = view.version;
    expect(view.followUps).toEqual([
      {
        evaluationId: se!.id,
        kind: 'self-evaluation',
        status: 'draft',
        indicatorIds: ['grid-training'],
        written: true,
        message: '调整后指标值已同时写入2025 年度的自评表：“培训网格员人次”',
      },
    ]);
    const after = (await store.getEvaluation(se!.id))!;
    expect(after.version).toBe(se!.version + 1);
    const ev = after.evaluation as Evaluation;
    // the new adjustment by id; the earlier one, the actuals typed since, untouched
    expect([ev.indicators[0]!.targetAdjusted?.raw, ev.indicators[0]!.adjustReason?.raw, ev.indicators[0]!.actual.raw]).toEqual([
      '＝500人次',
      '网格员减员，培训人次相应调减',
      '600人次',
    ]);
    expect([ev.indicators[1]!.targetAdjusted?.raw, ev.indicators[1]!.actual.raw]).toEqual(['≥10次', '20次']);
    const history = await forms.history(filler(), se!.id);
    expect(history.filter((c) => c.version === after.version).map((c) => [c.field, c.after, c.actor])).toEqual([
      ['indicators[grid-training].targetAdjusted', '＝500人次', 'tianbao'],
      ['indicators[grid-training].adjustReason', '网格员减员，培训人次相应调减', 'tianbao'],
    ]);
    // scored by it: 600人次 against ＝500人次
    expect((await forms.read(filler(), se!.id)).score!.indicators[0]).toMatchObject({ targetUsed: 'adjusted' });
  });

  it('the goal form and the 自评表 are written in one transaction: a conflict on the 自评表 stores neither', async () => {
    const goal = (await store.getEvaluation(goalId))!;
    const [se] = await store.listEvaluations({ projectId, kind: 'self-evaluation', year: 2025 });
    const { preparedForStorage } = await import('../src/prepare-form.ts');
    await expect(
      store.updateEvaluations(
        [
          { id: goal.id, form: preparedForStorage('goal', goal.evaluation), expectedVersion: goal.version },
          { id: se!.id, form: preparedForStorage('self-evaluation', se!.evaluation), expectedVersion: se!.version - 1 },
        ],
        'tianbao',
      ),
    ).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    expect((await store.getEvaluation(goalId))!.version).toBe(goal.version);
    expect((await store.getEvaluation(se!.id))!.version).toBe(se!.version);
  });

  it('once the 自评表 is handed in, an adjustment is saved on the goals alone and the response says it was not written there', async () => {
    const [se] = await store.listEvaluations({ projectId, kind: 'self-evaluation', year: 2025 });
    await store.setStatus(se!.id, 'submitted', se!.version, 'tianbao', { snapshot: true });
    const submitted = (await store.getEvaluation(se!.id))!;
    const adjusted = structuredClone((await store.getEvaluation(goalId))!.evaluation as GoalForm);
    adjusted.indicators[0]!.adjusted = { target: { raw: '＝450人次' }, reason: { raw: '网格员再次减员' } };
    const view = await forms.save(filler(), goalId, adjusted, version);
    version = view.version;
    expect((view.evaluation as GoalForm).indicators[0]!.adjusted?.target.raw).toBe('＝450人次');
    expect(view.followUps).toEqual([
      {
        evaluationId: se!.id,
        kind: 'self-evaluation',
        status: 'submitted',
        indicatorIds: ['grid-training'],
        written: false,
        message: '2025 年度的自评表已处于“已提交”状态，调整后指标值未写入（“培训网格员人次”）；退回后请在自评表中填写',
      },
    ]);
    // the handed-in form is as it was
    expect((await store.getEvaluation(se!.id))!).toMatchObject({ version: submitted.version, status: 'submitted' });
    expect(((await store.getEvaluation(se!.id))!.evaluation as Evaluation).indicators[0]!.targetAdjusted?.raw).toBe('＝500人次');
    // a save that changes no adjustment says nothing
    const again = await forms.save(filler(), goalId, view.evaluation, version);
    version = again.version;
    expect(again.followUps).toBeUndefined();
  });

  it('the department summaries count self-evaluations only: goal forms add no row, grade or total', async () => {
    const rows = await store.summaryRows(dept);
    // one self-evaluation was added (2025, from the goals); the four goal forms are not rows
    expect(rows.length).toBe(summaryBefore.rows! + 1);
    expect(rows.every((r) => r.grade !== '')).toBe(true);
    const grades = await store.gradeCounts();
    expect(grades['']).toBeUndefined();
    expect(Object.values(grades).reduce((a, b) => a + b, 0)).toBe(Object.values(summaryBefore.grades!).reduce((a, b) => a + b, 0) + 1);
    expect((await store.departmentTotals()).some((t) => t.grade === '')).toBe(false);
  });
});
