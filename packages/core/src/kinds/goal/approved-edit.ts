/**
 * An approved (批复) goal form is frozen: its targets are what the year's 自评表 will be measured against.
 * The only change allowed after approval is an adjustment — a 调整后指标值 with its 调整原因 beside the
 * approved 年度指标值, which stays as it was (both are kept and shown; scoring uses the adjusted one).
 * This check compares an edit with the approved version, by indicator id, and says what it may not do;
 * the application refuses a save that has any of these problems.
 */
import { squash } from '../../values/normalize.ts';
import type { GoalForm, GoalIndicator } from './goal-form.ts';

export interface FrozenEditProblem {
  /** GOAL.APPROVED_TARGET_EDITED, GOAL.APPROVED_INDICATOR_EDITED, GOAL.APPROVED_TREE_CHANGED, GOAL.APPROVED_MONEY_EDITED, GOAL.APPROVED_FORM_EDITED, GOAL.ADJUSTMENT_WITHOUT_REASON */
  code: string;
  message: string;
  details: { indicatorId?: string; field: string; approved?: string; edited?: string };
}

const same = (a: string | undefined, b: string | undefined) => squash(a ?? '') === squash(b ?? '');

function indicatorProblems(a: GoalIndicator, e: GoalIndicator, index: number, out: FrozenEditProblem[]): void {
  const name = a.name.raw.trim();
  if (!same(a.target.raw, e.target.raw))
    out.push({
      code: 'GOAL.APPROVED_TARGET_EDITED',
      message: `目标申报表已批复，“${name}”的年度指标值“${a.target.raw.trim()}”不能修改；如需调整，请填写调整后指标值和调整原因，原指标值保留`,
      details: { indicatorId: a.id, field: `indicators[${index}].target`, approved: a.target.raw, edited: e.target.raw },
    });
  for (const [field, label, av, ev] of [
    ['name', '三级指标', a.name.raw, e.name.raw],
    ['level2', '二级指标', a.level2.raw, e.level2.raw],
    ['level1', '一级指标', a.level1, e.level1],
    ['longTermTarget', '中长期指标值', a.longTermTarget?.raw, e.longTermTarget?.raw],
    ['points', '分值', a.points?.raw, e.points?.raw],
  ] as const)
    if (!same(av, ev))
      out.push({
        code: 'GOAL.APPROVED_INDICATOR_EDITED',
        message: `目标申报表已批复，“${name}”的${label}不能修改`,
        details: { indicatorId: a.id, field: `indicators[${index}].${field}`, approved: av ?? '', edited: ev ?? '' },
      });
  const adj = e.adjusted;
  if (adj && adj.target.raw.trim() !== '' && adj.reason.raw.trim() === '')
    out.push({
      code: 'GOAL.ADJUSTMENT_WITHOUT_REASON',
      message: `“${name}”填写了调整后指标值“${adj.target.raw.trim()}”，但没有填写调整原因`,
      details: { indicatorId: a.id, field: `indicators[${index}].adjusted.reason` },
    });
}

export function approvedEditProblems(approved: GoalForm, edited: GoalForm): FrozenEditProblem[] {
  const out: FrozenEditProblem[] = [];
  const editedById = new Map(edited.indicators.map((i, k) => [i.id, [i, k] as const]));
  approved.indicators.forEach((a) => {
    const e = editedById.get(a.id);
    if (!e)
      out.push({
        code: 'GOAL.APPROVED_TREE_CHANGED',
        message: `目标申报表已批复，不能删除指标“${a.name.raw.trim()}”`,
        details: { indicatorId: a.id, field: 'indicators' },
      });
    else indicatorProblems(a, e[0], e[1], out);
  });
  const approvedIds = new Set(approved.indicators.map((i) => i.id));
  for (const e of edited.indicators)
    if (!approvedIds.has(e.id))
      out.push({
        code: 'GOAL.APPROVED_TREE_CHANGED',
        message: `目标申报表已批复，不能新增指标“${e.name.raw.trim()}”`,
        details: { indicatorId: e.id, field: 'indicators' },
      });
  // what the goals are of: the project, its year, and the 总体目标 approved with them
  for (const [field, label, av, ev] of [
    ['year', '年度', approved.year === null ? '' : String(approved.year), edited.year === null ? '' : String(edited.year)],
    ['project.name', '项目名称', approved.project.name.raw, edited.project.name.raw],
    ['goals.longTerm', '中长期目标', approved.goals.longTerm?.raw, edited.goals.longTerm?.raw],
    ['goals.annual', '年度目标', approved.goals.annual?.raw, edited.goals.annual?.raw],
  ] as const)
    if (!same(av, ev))
      out.push({
        code: 'GOAL.APPROVED_FORM_EDITED',
        message: `目标申报表已批复，${label}不能修改`,
        details: { field, approved: av ?? '', edited: ev ?? '' },
      });
  for (const [field, label] of [
    ['total', '项目资金总额'],
    ['annual', '年度资金总额'],
    ['fiscal', '财政拨款'],
    ['carryover', '上年结转'],
    ['other', '其他资金'],
  ] as const) {
    const av = approved.money[field]?.value ?? null;
    const ev = edited.money[field]?.value ?? null;
    if (av !== ev || approved.money.unit !== edited.money.unit)
      out.push({
        code: 'GOAL.APPROVED_MONEY_EDITED',
        message: `目标申报表已批复，${label}不能修改（批复为 ${av ?? '空'}${approved.money.unit}）`,
        details: { field: `money.${field}`, approved: av ?? '', edited: ev ?? '' },
      });
  }
  return out;
}
