/**
 * Scoring of a whole form: every indicator (R4–R6), budget execution (R3), the 一级 subtotals, the
 * total (R7) and the grade (R1). Indicator scores are rounded once each; the total is their sum.
 */
import type { Evaluation } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { add, cmp, mulDiv, round, trim } from '../values/exact.ts';
import type { ParsedValue } from '../values/parse-value.ts';
import { budgetExecution, type BudgetExecution } from './budget-execution.ts';
import { gradeOf } from './grade.ts';
import { scoreIndicator, type IndicatorScore } from './score-indicator.ts';

export interface GroupScore {
  level1: string;
  /** points declared in the heading, 分 */
  declared: string | null;
  /** Σ 分值 of the group's indicators, 分 */
  points: string;
  /** Σ recomputed scores, 分 */
  score: string;
  /** Σ claimed scores, 分 */
  claimed: string;
}

export interface EvaluationScore {
  schemeId: string;
  budget: BudgetExecution;
  indicators: IndicatorScore[];
  groups: GroupScore[];
  /** Σ 分值 of all indicators (+ the budget block when inside the total), 分 */
  points: string;
  /** recomputed total, 分 */
  total: string;
  /** scheme maximum, 分 */
  maxTotal: string;
  grade: string;
  /** as written on the form */
  claimedTotal: string | null;
  claimedGrade: string | null;
  /** indicators scored from the claimed score because the rule could not decide */
  manualCount: number;
}

export function scoreEvaluation(ev: Evaluation, scheme: Scheme): EvaluationScore {
  const budget = budgetExecution(ev, scheme);
  const budgetRow = scheme.budget.mode === 'indicator' ? scheme.budget.level1 : null;
  const indicators = ev.indicators.map((ind, i) => {
    if (budgetRow !== null && ind.level1 === budgetRow && budget.rate !== null) {
      const pct = trim(mulDiv([budget.executed!, '100'], [budget.budget!], 10));
      const value: ParsedValue = { kind: 'quantity', raw: `${pct}%`, op: null, value: pct, unit: '%', approximate: false };
      return scoreIndicator(ind, i, scheme, { actualOverride: { value, note: `实际值取预算执行情况：${budget.explanation.replace(/（.*）$/, '')}` } });
    }
    return scoreIndicator(ind, i, scheme);
  });

  const order: string[] = [];
  for (const g of ev.groups) if (!order.includes(g.name)) order.push(g.name);
  for (const s of indicators) if (!order.includes(s.level1)) order.push(s.level1);
  const groups: GroupScore[] = order.map((level1) => {
    const rows = indicators.filter((s) => s.level1 === level1);
    return {
      level1,
      declared: ev.groups.find((g) => g.name === level1)?.declaredPoints ?? null,
      points: trim(add(rows.map((s) => s.points ?? '0'))),
      score: round(add(rows.map((s) => s.score ?? '0')), scheme.decimals),
      claimed: round(add(rows.map((s) => s.claimed ?? '0')), scheme.decimals),
    };
  });

  const counted = indicators.filter((s) => s.rule !== 'R2.not-applicable');
  const scores = counted.map((s) => s.score ?? '0');
  const pointList = counted.map((s) => s.points ?? '0');
  if (budget.inTotal) {
    scores.push(budget.score ?? '0');
    pointList.push(budget.points ?? '0');
  }
  let total = add(scores);
  const points = add(pointList);
  const max = scheme.total;
  const hasNotApplicable = indicators.some((s) => s.rule === 'R2.not-applicable' && s.points !== null && cmp(s.points, '0') > 0);
  // R2: a not-applicable indicator is dropped and the rest rescaled to the total (scheme setting), rounded once.
  if (scheme.rescaleNotApplicable && hasNotApplicable && cmp(points, '0') > 0) total = mulDiv([total, max], [points], scheme.decimals);
  // R2: no bonus points, ever.
  if (cmp(total, max) > 0) total = max;
  const totalText = round(total, scheme.decimals);
  return {
    schemeId: scheme.id,
    budget,
    indicators,
    groups,
    points: trim(points),
    total: totalText,
    maxTotal: scheme.total,
    grade: gradeOf(totalText, scheme),
    claimedTotal: ev.claimed.total?.value ?? null,
    claimedGrade: ev.claimed.grade?.raw.trim() || null,
    manualCount: indicators.filter((s) => s.basis === 'claimed').length,
  };
}
