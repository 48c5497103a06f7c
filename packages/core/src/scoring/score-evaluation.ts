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
  const groups: GroupScore[] = order.map((level1) => groupScore(level1, ev, indicators, scheme));

  // The total's terms, the R2 check and the count of manual rows in one pass over the rows, into
  // arrays of the size needed (see groupScore): this runs on every scoring of every form.
  let counted = 0;
  for (const s of indicators) if (s.rule !== 'R2.not-applicable') counted++;
  const terms = counted + (budget.inTotal ? 1 : 0);
  const scores = new Array<string>(terms);
  const pointList = new Array<string>(terms);
  let hasNotApplicable = false;
  let manualCount = 0;
  let k = 0;
  for (const s of indicators) {
    if (s.basis === 'claimed') manualCount++;
    if (s.rule === 'R2.not-applicable') {
      if (s.points !== null && cmp(s.points, '0') > 0) hasNotApplicable = true;
      continue;
    }
    scores[k] = s.score ?? '0';
    pointList[k++] = s.points ?? '0';
  }
  if (budget.inTotal) {
    scores[k] = budget.score ?? '0';
    pointList[k] = budget.points ?? '0';
  }
  let total = add(scores);
  const points = add(pointList);
  const max = scheme.total;
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
    manualCount,
  };
}

/**
 * One 一级 group's sums over its rows: the rows counted first, then three arrays of exactly that size
 * (pushing into an empty array reserves room for 17; a filter and three maps made four arrays and
 * three closures per group).
 */
function groupScore(level1: string, ev: Evaluation, indicators: readonly IndicatorScore[], scheme: Scheme): GroupScore {
  let n = 0;
  for (const s of indicators) if (s.level1 === level1) n++;
  const points = new Array<string>(n);
  const scores = new Array<string>(n);
  const claimed = new Array<string>(n);
  let k = 0;
  for (const s of indicators) {
    if (s.level1 !== level1) continue;
    points[k] = s.points ?? '0';
    scores[k] = s.score ?? '0';
    claimed[k++] = s.claimed ?? '0';
  }
  let declared: string | null = null;
  for (const g of ev.groups) {
    if (g.name === level1) {
      declared = g.declaredPoints;
      break;
    }
  }
  return { level1, declared, points: trim(add(points)), score: round(add(scores), scheme.decimals), claimed: round(add(claimed), scheme.decimals) };
}
