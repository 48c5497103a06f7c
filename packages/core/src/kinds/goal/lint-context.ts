/**
 * What every goal lint rule (G1…) receives: the form, its scheme, each indicator with its canonical
 * 二级 and parsed target worked out once, and last year's actuals by indicator id when known.
 */
import type { Finding, FindingLocation, SuggestedFix } from '../../audit/finding.ts';
import type { Where } from '../../audit/context.ts';
import { canonicalLevel1, canonicalLevel2, level1OfLevel2 } from '../../model/categories.ts';
import type { Target } from '../../model/evaluation.ts';
import type { Scheme } from '../../scheme/scheme.ts';
import { parseValue, type ParsedValue } from '../../values/parse-value.ts';
import type { GoalForm, GoalIndicator } from './goal-form.ts';
import { goalSeverityOf } from './severity.ts';

export interface GoalRow {
  /** position in `form.indicators` (for the editor's row; findings also carry the id) */
  index: number;
  ind: GoalIndicator;
  /** canonical 一级: the form's, or the one its 二级 belongs to (R8) */
  level1: string;
  /** canonical 二级 */
  category: string;
  /** the target that counts: 调整后指标值 when set after approval, else 年度指标值 */
  target: Target;
  /** the model field that target sits in */
  targetField: 'target' | 'adjusted.target';
  parsed: ParsedValue;
}

/** Last year's record of the same project: its indicators' actuals (实际完成值) by indicator id. */
export interface PreviousYear {
  indicators: ReadonlyArray<{ id: string; actual: string }>;
}

export interface GoalLint {
  form: GoalForm;
  scheme: Scheme;
  rows: GoalRow[];
  previous: PreviousYear | undefined;
  ref: NonNullable<FindingLocation['form']>;
}

export function goalLint(form: GoalForm, scheme: Scheme, previous: PreviousYear | undefined, index = 0): GoalLint {
  const rows = form.indicators.map((ind, i): GoalRow => {
    const category = canonicalLevel2(ind.level2.raw);
    const adjusted = ind.adjusted !== undefined && ind.adjusted.target.raw.trim() !== '';
    const target = adjusted ? ind.adjusted!.target : ind.target;
    return {
      index: i,
      ind,
      level1: level1OfLevel2(category) ?? canonicalLevel1(ind.level1),
      category,
      target,
      targetField: adjusted ? 'adjusted.target' : 'target',
      parsed: parseValue(target.raw),
    };
  });
  return { form, scheme, rows, previous, ref: { index, project: form.project.name.raw, year: form.year } };
}

/** A finding about a goal form; the rule id is the code's prefix (`G3.NO_UNIT` → G3). */
export function goalFinding(l: GoalLint, code: string, message: string, where: Where, numbers: Finding['numbers'], fix?: SuggestedFix): Finding {
  const rule = code.slice(0, code.indexOf('.')) as Finding['rule'];
  const location: FindingLocation = { form: l.ref, ...where };
  const severity = goalSeverityOf(code, l.scheme);
  return fix ? { rule, code, severity, message, location, numbers, fix } : { rule, code, severity, message, location, numbers };
}

/** Where an indicator's target cell is: its position, its id, the field and the source cell. */
export function atTarget(r: GoalRow): Where & { indicatorId: string } {
  const where: Where & { indicatorId: string } = {
    section: 'indicators',
    indicator: r.index,
    indicatorId: r.ind.id,
    field: `indicators[${r.index}].${r.targetField}`,
  };
  if (r.target.src) where.src = r.target.src;
  return where;
}

/** Where an indicator row is (its names, its 一级/二级 placement). */
export function atRow(r: GoalRow, field = 'level2'): Where & { indicatorId: string } {
  const where: Where & { indicatorId: string } = { section: 'indicators', indicator: r.index, indicatorId: r.ind.id, field: `indicators[${r.index}].${field}` };
  const src = r.ind.src ?? r.ind.name.src;
  if (src) where.src = src;
  return where;
}

/** 二级 whose targets must be numbers (101号: 数量、质量、时效、成本 are 产出's measurable dimensions; satisfaction is a rate). */
export const QUANTITATIVE = new Set(['数量指标', '成本指标', '经济成本指标', '服务对象满意度指标']);
/** 二级 whose targets are usually numbers or dates but may be levels a reviewer can check (101号 allows 定性 quality standards). */
export const MOSTLY_QUANTITATIVE = new Set(['质量指标', '时效指标']);

/** The indicator's name without spaces, for the word tests of G6/G7. */
export const nameOf = (r: GoalRow): string => r.ind.name.raw.replace(/\s+/g, '');

/**
 * The target's unit: written after the number, in the layout's own 单位 column (Hebei: 符号/值/单位), or
 * in the name as the national form's 度量单位 often is (`检查督导次数（次）`, `运行成本（万元）`).
 */
export function unitOf(r: GoalRow): string {
  if (r.parsed.kind === 'quantity' && r.parsed.unit !== '') return r.parsed.unit;
  const column = r.target.parts?.unit.raw.trim();
  if (column) return column;
  const m = /[（(]([^）)，,、]{1,6})[^）)]*[）)]\s*$/.exec(r.ind.name.raw);
  return m && /^(万?元|万?人次?|个|次|项|件|条|套|台|户|名|场|期|篇|天|日|月|年|小时|公里|平方米|亩|%|份|册|本|家|所|处|座|辆|批|类|节点|人\/次)$/.test(m[1]!)
    ? m[1]!
    : '';
}
