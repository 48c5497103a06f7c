/**
 * R3: budget execution. 执行率 = 全年执行数 ÷ 全年预算数, where 全年预算数 is the adjusted budget, or
 * 预算编制数 when the budget was never adjusted; score = min(执行率, 1) × 分值.
 */
import { figureOf, type Figure } from '../model/budget-figures.ts';
import type { BudgetLine, Evaluation, NumberField } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { cmp, isNegative, isZero, mulDiv, round, trim } from '../values/exact.ts';
import { flatText } from '../values/flat-text.ts';

export interface BudgetExecution {
  /** 全年预算数 used, 万元 */
  budget: string | null;
  /** which field gave it */
  budgetField: 'adjusted' | 'prepared' | 'initial' | 'declared' | null;
  /** 全年执行数, 万元 */
  executed: string | null;
  /** 到位数, 万元 */
  received: string | null;
  /** 执行率 as a fraction to 12 decimals ("0.956428571429"), null when undefined (no budget, budget 0) */
  rate: string | null;
  /** 执行率 in %, rounded to the scheme's decimals, for display */
  ratePercent: string | null;
  /** 分值, 分 (block and separate modes) */
  points: string | null;
  /** score, 分, rounded; null in indicator mode or when the rate is undefined */
  score: string | null;
  /** counted in the total (R7) */
  inTotal: boolean;
  /** the score as written on the form, 分 */
  claimedScore: string | null;
  /** the rate as written, % */
  claimedRate: string | null;
  explanation: string;
}

/** The line that holds the project's totals: 年度资金总额, or the first line when none is labelled so. */
export function totalLine(ev: Evaluation): BudgetLine | undefined {
  return ev.budget.lines.find((l) => l.kind === 'total') ?? ev.budget.lines[0];
}

/** Where 全年预算数 is read, in order: the adjusted budget, else 预算编制数, 年初预算数, 目标申报数. */
const BUDGET_FIELDS = ['adjusted', 'prepared', 'initial', 'declared'] as const satisfies readonly Figure[];

function val(f: NumberField | undefined): string | null {
  return f?.value ?? null;
}

export function budgetExecution(ev: Evaluation, scheme: Scheme): BudgetExecution {
  const line = totalLine(ev);
  // The first figure present, read once; by figureOf, not line[k]: a computed read of a figure the
  // line lacks is a slow lookup each time.
  let budgetField: BudgetExecution['budgetField'] = null;
  let budget: string | null = null;
  for (const k of line ? BUDGET_FIELDS : []) {
    budget = val(figureOf(line!, k));
    if (budget !== null) {
      budgetField = k;
      break;
    }
  }
  const executed = val(line?.executed);
  const mode = scheme.budget.mode;
  const points = mode === 'indicator' ? null : scheme.budget.points;
  // One object literal per outcome, no spreads: this runs once per form on every scoring.
  const result = (rate: string | null, ratePercent: string | null, score: string | null, explanation: string): BudgetExecution => ({
    budget,
    budgetField,
    executed,
    received: val(line?.received),
    points,
    inTotal: mode === 'block',
    claimedScore: val(line?.score),
    claimedRate: val(line?.rate),
    rate,
    ratePercent,
    score,
    // kept with the score: stored flat (see flatText)
    explanation: flatText(explanation),
  });
  if (budget === null || executed === null) return result(null, null, null, '预算数或执行数缺失，执行率无法计算');
  if (isZero(budget)) return result(null, null, null, '全年预算数为 0，执行率无法计算');
  if (isNegative(budget)) return result(null, null, null, '全年预算数为负数，执行率无法计算');
  const rate = trim(mulDiv([executed], [budget], RATE_PLACES));
  const ratePercent = mulDiv([executed, '100'], [budget], scheme.decimals);
  const rateText = `执行率 = 执行数 ${trim(executed)} ÷ ${baseName(budgetField)} ${trim(budget)} = ${ratePercent}%${budgetField === 'adjusted' ? '' : '（无全年预算数）'}`;
  if (points === null) return result(rate, ratePercent, null, `${rateText}（作为预算执行率指标计分）`);
  // min(执行率, 1) × 分值, rounded once
  const over = cmp(executed, budget) > 0;
  const score = over ? round(points, scheme.decimals) : mulDiv([executed, points], [budget], scheme.decimals);
  return result(
    rate,
    ratePercent,
    score,
    `${rateText}；得分 = min(执行率, 1) × ${trim(points)}分 = ${score}分${over ? '（执行率超过100%按100%计）' : ''}${mode === 'separate' ? '（单独列示，不计入总分）' : ''}`,
  );
}

/**
 * The rate's base as the explanation names it: the adjusted budget is 预算数 as ever; a fallback (R3) is
 * named, so that a rate measured against 年初预算数 (a form without 全年预算数) never passes for one
 * measured against the adjusted budget.
 */
const BASE_NAMES = { adjusted: '预算数', prepared: '预算编制数', initial: '年初预算数', declared: '目标申报数' } as const;
export const baseName = (f: BudgetExecution['budgetField']): string => BASE_NAMES[f ?? 'adjusted'];

/** 执行率 is kept as a fraction to this many decimals: far below any rounding of a shown rate (%, 2 places). */
const RATE_PLACES = 12;
