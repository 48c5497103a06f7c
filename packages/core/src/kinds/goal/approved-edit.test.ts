/** An approved goal form is frozen except for adjustments with a reason (调整后指标值, 调整原因). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvedEditProblems } from './approved-edit.ts';
import { GoalForm } from './goal-form.ts';
import { lintGoalForm } from './lint-goals.ts';

const approved = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../../fixtures/goals/well-set.goal.json'), 'utf8')));
const edit = (change: (g: GoalForm) => void): GoalForm => {
  const g = structuredClone(approved);
  change(g);
  return g;
};

describe('editing an approved goal form', () => {
  it('an unchanged form, or one moved rows, has no problem (indicators are matched by id, not row)', () => {
    expect(approvedEditProblems(approved, structuredClone(approved))).toEqual([]);
    expect(
      approvedEditProblems(
        approved,
        edit((g) => g.indicators.reverse()),
      ),
    ).toEqual([]);
  });

  it('a target edited in place is refused with its indicator id and both values', () => {
    const p = approvedEditProblems(
      approved,
      edit((g) => (g.indicators[1]!.target = { raw: '≥10次' })),
    );
    expect(p).toEqual([
      {
        code: 'GOAL.APPROVED_TARGET_EDITED',
        message: '目标申报表已批复，“开展矛盾纠纷集中排查次数”的年度指标值“≥12次”不能修改；如需调整，请填写调整后指标值和调整原因，原指标值保留',
        details: { indicatorId: 'dispute-screening', field: 'indicators[1].target', approved: '≥12次', edited: '≥10次' },
      },
    ]);
  });

  it('an adjustment with its reason is allowed, keeps the approved value, and is the target linted', () => {
    const adjusted = edit((g) => (g.indicators[1]!.adjusted = { target: { raw: '≥10次' }, reason: { raw: '上级统一部署，集中排查改为按季开展' } }));
    expect(approvedEditProblems(approved, adjusted)).toEqual([]);
    expect(adjusted.indicators[1]!.target.raw).toBe('≥12次');
    expect(lintGoalForm(adjusted, { previous: { indicators: [{ id: 'dispute-screening', actual: '11次' }] } }).map((f) => [f.code, f.location.field])).toEqual([
      ['G10.BELOW_LAST_ACTUAL', 'indicators[1].adjusted.target'],
    ]);
  });

  it('an adjustment without a reason, a removed or added indicator, and changed money are refused', () => {
    const p = approvedEditProblems(
      approved,
      edit((g) => {
        g.indicators[0]!.adjusted = { target: { raw: '＝500人次' }, reason: { raw: ' ' } };
        g.indicators.pop();
        g.indicators.push({ ...structuredClone(g.indicators[2]!), id: 'new-one', name: { raw: '新增指标' } });
        g.money.annual = { raw: '130', value: '130' };
      }),
    );
    expect(p.map((x) => [x.code, x.details.indicatorId ?? x.details.field])).toEqual([
      ['GOAL.ADJUSTMENT_WITHOUT_REASON', 'grid-training'],
      ['GOAL.APPROVED_TREE_CHANGED', 'public-satisfaction'],
      ['GOAL.APPROVED_TREE_CHANGED', 'new-one'],
      ['GOAL.APPROVED_MONEY_EDITED', 'money.annual'],
    ]);
  });

  it('the year, the project and the 总体目标 approved with the goals are frozen too', () => {
    const p = approvedEditProblems(
      approved,
      edit((g) => {
        g.year = 2030;
        g.goals.annual = { raw: '另一个目标' };
      }),
    );
    expect(p.map((x) => [x.code, x.details.field, x.message])).toEqual([
      ['GOAL.APPROVED_FORM_EDITED', 'year', '目标申报表已批复，年度不能修改'],
      ['GOAL.APPROVED_FORM_EDITED', 'goals.annual', '目标申报表已批复，年度目标不能修改'],
    ]);
  });
});
