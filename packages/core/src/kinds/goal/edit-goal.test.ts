/** Edits of a goal form as the browser's editor sends them: cells kept in step with their readings, rows keeping ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditError } from '../../edit/edit-evaluation.ts';
import { applyGoalEdit, replayGoalEdits } from './edit-goal.ts';
import { GoalForm } from './goal-form.ts';
import { lintGoalForm } from './lint-goals.ts';

const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../../fixtures/goals/well-set.goal.json'), 'utf8')));
const codes = (g: GoalForm) => lintGoalForm(g).map((f) => f.code);
/** every edit leaves a form the schema accepts, as the server will check it */
const edit = (g: GoalForm, ...actions: Parameters<typeof applyGoalEdit>[1][]): GoalForm => {
  const out = actions.reduce(applyGoalEdit, g);
  GoalForm.parse(out);
  return out;
};

describe('applyGoalEdit', () => {
  it('a vague target typed on a 数量 indicator is found (G4), and writing a number fixes it', () => {
    expect(codes(wellSet).filter((c) => c.startsWith('G4'))).toEqual([]);
    const vague = edit(wellSet, { type: 'set', path: 'indicators[0].target', raw: '逐步提高' });
    const g4 = lintGoalForm(vague).find((f) => f.code === 'G4.VAGUE_TARGET')!;
    expect(g4.location).toMatchObject({ indicator: 0, indicatorId: 'grid-training', field: 'indicators[0].target' });
    expect(codes(edit(vague, { type: 'set', path: 'indicators[0].target', raw: '≥600人次' }))).not.toContain('G4.VAGUE_TARGET');
    // the other rows are the same objects: the browser redraws the edited row only
    expect(vague.indicators[1]).toBe(wellSet.indicators[1]);
  });

  it('removing the 成本 indicator is found (G2.NO_COST); adding one back with its own id clears it', () => {
    const costAt = wellSet.indicators.findIndex((i) => i.level1 === '成本指标' || i.level2.raw.includes('成本'));
    expect(costAt).toBeGreaterThanOrEqual(0);
    const noCost = edit(wellSet, { type: 'remove-indicator', index: costAt });
    expect(codes(noCost)).toContain('G2.NO_COST');
    const level1 = wellSet.indicators[costAt]!.level1;
    const back = edit(
      noCost,
      { type: 'add-indicator', level1, level2: '经济成本指标', id: 'n-cost' },
      { type: 'set', path: `indicators[${costAt}].name`, raw: '人均培训成本' },
      { type: 'set', path: `indicators[${costAt}].target`, raw: '≤800元/人次' },
    );
    expect(back.indicators[costAt]!.id).toBe('n-cost');
    expect(codes(back)).not.toContain('G2.NO_COST');
  });

  it('rows move inside their 一级 and keep their ids', () => {
    const moved = edit(wellSet, { type: 'move-indicator', index: 0, delta: 1 });
    expect(moved.indicators.slice(0, 2).map((i) => i.id)).toEqual([wellSet.indicators[1]!.id, wellSet.indicators[0]!.id]);
    const lastOutput = wellSet.indicators.map((i) => i.level1).lastIndexOf('产出指标');
    if (wellSet.indicators[lastOutput + 1]) expect(applyGoalEdit(wellSet, { type: 'move-indicator', index: lastOutput, delta: 1 })).toBe(wellSet);
  });

  it('cells with a reading keep it in step: 项目性质, 起止年月, 指标值设定依据, money in the form’s unit', () => {
    const g = edit(
      wellSet,
      { type: 'set', path: 'project.nature', raw: '经常性' },
      { type: 'set', path: 'project.period', raw: '2025年1月-2027年12月' },
      { type: 'set', path: 'indicators[0].basis', raw: '参考行业标准' },
      { type: 'set', path: 'money.unit', raw: '元' },
      { type: 'set', path: 'money.fiscal', raw: '1,000,000' },
      { type: 'set', path: 'project.implementer.name', raw: '某县司法局' },
    );
    expect(g.project.nature).toEqual({ raw: '经常性', kind: '经常性' });
    expect(g.project.period).toEqual({ raw: '2025年1月-2027年12月', startYear: 2025, endYear: 2027 });
    expect(g.indicators[0]!.basis).toEqual({ raw: '参考行业标准', kind: '行业标准' });
    expect(g.money.unit).toBe('元');
    expect(g.money.fiscal).toEqual({ raw: '1,000,000', value: '1000000' });
    expect(g.project.implementer?.name.raw).toBe('某县司法局');
    expect(() => applyGoalEdit(wellSet, { type: 'set', path: 'money.unit', raw: '千元' })).toThrow(EditError);
  });

  it('a money block that disagrees with itself is found (G9), and the linter’s fix applies as an edit', () => {
    const bad = edit(wellSet, { type: 'set', path: 'money.annual', raw: '130' });
    expect(lintGoalForm(bad).find((f) => f.code === 'G9.PARTS_SUM')?.location.field).toBe('money.annual');
    const empty = edit(bad, { type: 'set', path: 'money.annual', raw: '' });
    const g9 = lintGoalForm(empty).find((f) => f.code === 'G9.ANNUAL_MISSING')!;
    expect(g9.fix).toMatchObject({ field: 'money.annual', value: '120' });
    const fixed = edit(empty, { type: 'set', path: g9.fix!.field, raw: g9.fix!.value });
    expect(codes(fixed).filter((c) => c.startsWith('G9'))).toEqual([]);
  });

  it('调整后指标值 and its reason are written together, and both cleared remove the adjustment', () => {
    const a = edit(wellSet, { type: 'set', path: 'indicators[1].adjusted.target', raw: '≥10次' });
    expect(a.indicators[1]!.adjusted).toEqual({ target: { raw: '≥10次' }, reason: { raw: '' } });
    expect(a.indicators[1]!.target).toEqual(wellSet.indicators[1]!.target);
    const b = edit(a, { type: 'set', path: 'indicators[1].adjusted.reason', raw: '疫情停工两个月' });
    expect(b.indicators[1]!.adjusted?.reason.raw).toBe('疫情停工两个月');
    const c = edit(b, { type: 'set', path: 'indicators[1].adjusted.target', raw: '' }, { type: 'set', path: 'indicators[1].adjusted.reason', raw: '' });
    expect(c.indicators[1]).not.toHaveProperty('adjusted');
  });

  it('an unknown path or a row that is gone is an EditError; a replay skips such edits and applies the rest', () => {
    expect(() => applyGoalEdit(wellSet, { type: 'set', path: 'indicators[99].target', raw: 'x' })).toThrow(EditError);
    expect(() => applyGoalEdit(wellSet, { type: 'set', path: 'budget.lines[0].executed', raw: '1' })).toThrow(EditError);
    expect(() => applyGoalEdit(wellSet, { type: 'set-not-applicable', index: 0, value: true })).toThrow(EditError);
    const shorter = { ...wellSet, indicators: wellSet.indicators.slice(0, 2) };
    const r = replayGoalEdits(shorter, [
      { type: 'set', path: 'indicators[5].target', raw: '≥1次' },
      { type: 'set', path: 'goals.annual', raw: '培训网格员600人次' },
    ]);
    expect(r.applied).toBe(1);
    expect(r.skipped).toHaveLength(1);
    expect(r.form.goals.annual?.raw).toBe('培训网格员600人次');
  });
});
