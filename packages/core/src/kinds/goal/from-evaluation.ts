/**
 * The goal form a 自评表 was measured against: its identity, the year's budget as planned (年初预算数),
 * its 年度目标 and every indicator's target, points and adjustment — what the project declared at budget
 * time. Used to lint the goals behind existing self-evaluations (the seeds), and as the starting point
 * of next year's goals. The 预算执行率 row of layouts that score it as an indicator is not a goal.
 */
import type { BudgetLine, Evaluation, NumberField } from '../../model/evaluation.ts';
import type { GoalForm, GoalIndicator } from './goal-form.ts';
import { indicatorIds } from './indicator-id.ts';
import type { PreviousYear } from './lint-context.ts';

/** The planned figure of a budget line: 年初预算数 (or its 目标申报数 / 预算编制数), else the adjusted one. */
function planned(line: BudgetLine | undefined, column: 'initial' | 'declared' | 'prepared' | 'adjusted'): NumberField | undefined {
  const f = line?.[column];
  return f && f.raw.trim() !== '' ? f : undefined; // an empty cell is no figure
}

export function goalFormFromEvaluation(ev: Evaluation): GoalForm {
  const lines = ev.budget.lines;
  const total = lines.find((l) => l.kind === 'total');
  const column =
    (['initial', 'declared', 'prepared', 'adjusted'] as const).find((c) => total?.[c]?.value !== undefined && total[c]!.value !== null) ?? 'initial';
  const kept = ev.indicators.filter((i) => i.level1 !== '预算执行率');
  const ids = indicatorIds(kept.map((i) => ({ level1: i.level1, level2: i.level2.raw, name: i.name.raw })));
  const indicators = kept.map((ind, k): GoalIndicator => {
    const g: GoalIndicator = { id: ids[k]!, level1: ind.level1, level2: ind.level2, name: ind.name, target: ind.target };
    if (ind.points.raw.trim() !== '') g.points = ind.points;
    if (ind.targetAdjusted && ind.targetAdjusted.raw.trim() !== '') g.adjusted = { target: ind.targetAdjusted, reason: { raw: '' } };
    if (ind.src) g.src = ind.src;
    return g;
  });
  const money: GoalForm['money'] = { unit: ev.budget.unit };
  const annual = planned(total, column);
  if (annual) money.annual = annual;
  const fiscal = planned(
    lines.find((l) => l.kind === 'current' || l.kind === 'fiscal'),
    column,
  );
  if (fiscal) money.fiscal = fiscal;
  const carryover = planned(
    lines.find((l) => l.kind === 'carryover'),
    column,
  );
  if (carryover) money.carryover = carryover;
  const other = planned(
    lines.find((l) => l.kind === 'other'),
    column,
  );
  if (other) money.other = other;
  const project: GoalForm['project'] = { name: ev.project.name };
  if (ev.project.code) project.code = ev.project.code;
  if (ev.project.department) project.department = ev.project.department;
  if (ev.project.implementer) project.implementer = ev.project.implementer;
  const form: GoalForm = {
    formatVersion: 1,
    kind: 'goal',
    schemeId: ev.schemeId,
    layout: 'national',
    year: ev.year,
    project,
    money,
    goals: ev.goals.expected ? { annual: ev.goals.expected } : {},
    indicators,
  };
  return form;
}

/**
 * A year's 自评表 as the record next year's goals are linted against (G10): each indicator's id — the
 * same id goalFormFromEvaluation gives it, so next year's goals started from this year's match — and
 * its 实际完成值.
 */
export function previousYearFromEvaluation(ev: Evaluation): PreviousYear {
  const kept = ev.indicators.filter((i) => i.level1 !== '预算执行率');
  const ids = indicatorIds(kept.map((i) => ({ level1: i.level1, level2: i.level2.raw, name: i.name.raw })));
  return { indicators: kept.map((i, k) => ({ id: ids[k]!, actual: i.actual.raw })) };
}
