/**
 * The year's 自评表 started from its approved goals (issue 20): the tree, ids, points and targets carried
 * by indicator id, actuals empty. A target adjusted after approval comes with both values — the approved
 * 年度指标值 and the 调整后指标值 with its 调整原因 — and scoring uses the adjusted one (R4.adjusted). The
 * budget block's 年初预算数 is the approved money block, in 万元.
 */
import { canonicalLevel1 } from '../model/categories.ts';
import type { Evaluation, Indicator, NumberField, TextField } from '../model/evaluation.ts';
import { mulDiv, trim } from '../values/exact.ts';
import type { GoalForm } from './goal/goal-form.ts';

const text = (raw = ''): TextField => ({ raw });
const num = (): NumberField => ({ raw: '', value: null });

/** A money cell of the goal form in 万元 (元 divided exactly), as the 自评表's budget block keeps money. */
function wanYuan(form: GoalForm, f: NumberField | undefined): NumberField {
  if (f === undefined || f.value === null) return num();
  const value = form.money.unit === '元' ? trim(mulDiv([f.value], ['10000'], 6)) : f.value;
  return { raw: value, value };
}

const MONEY_LINES = [
  ['total', 'annual'],
  ['current', 'fiscal'],
  ['carryover', 'carryover'],
  ['other', 'other'],
] as const;

/**
 * `blank` is the kind's empty national form for the project and year: its groups, budget lines and
 * narratives are kept; its indicators are replaced by the goals'.
 */
export function selfEvaluationFromGoals(goals: GoalForm, blank: Evaluation): Evaluation {
  const indicators = goals.indicators.map((g): Indicator => {
    const ind: Indicator = {
      id: g.id,
      level1: canonicalLevel1(g.level1),
      level2: text(g.level2.raw),
      name: text(g.name.raw),
      points: g.points ? { raw: g.points.raw, value: g.points.value } : num(),
      target: g.target.parts ? { raw: g.target.raw, parts: g.target.parts } : text(g.target.raw),
      actual: text(),
      claimedScore: num(),
      deviation: text(),
    };
    if (g.adjusted && g.adjusted.target.raw.trim() !== '') {
      ind.targetAdjusted = text(g.adjusted.target.raw);
      ind.adjustReason = text(g.adjusted.reason.raw);
    }
    return ind;
  });
  const lines = blank.budget.lines.map((l) => {
    const pair = MONEY_LINES.find(([kind]) => kind === l.kind);
    return pair ? { ...l, initial: wanYuan(goals, goals.money[pair[1]]) } : l;
  });
  const project: Evaluation['project'] = { ...blank.project, name: text(goals.project.name.raw) };
  if (goals.project.code) project.code = text(goals.project.code.raw);
  if (goals.project.department) project.department = goals.project.department;
  if (goals.project.implementer) project.implementer = goals.project.implementer;
  const levels = new Set(indicators.map((i) => i.level1));
  return {
    ...blank,
    year: goals.year,
    project,
    budget: { ...blank.budget, lines },
    goals: { expected: text(goals.goals.annual?.raw ?? ''), achieved: text() },
    // the scheme's 一级 headings, and any other 一级 the goals use (成本指标 in newer forms), so points add up by group
    groups: [
      ...blank.groups,
      ...[...levels].filter((l) => !blank.groups.some((g) => g.name === l)).map((l) => ({ name: l, label: text(l), declaredPoints: null })),
    ],
    // a layout that scores 预算执行率 as an indicator (河北) keeps that row: it is no goal, the budget block fills it
    indicators: [...indicators, ...blank.indicators.filter((i) => i.level1 === '预算执行率').map((i) => ({ ...i, id: 'budget-rate' }))],
  };
}

/** An adjustment as a 自评表 row keeps it, or null for none (an empty 调整后指标值 is none). */
const adjustmentOf = (g: GoalForm['indicators'][number] | undefined): { target: string; reason: string } | null =>
  g?.adjusted && g.adjusted.target.raw.trim() !== '' ? { target: g.adjusted.target.raw, reason: g.adjusted.reason.raw } : null;

/**
 * The adjustments saved on approved goals after the year's 自评表 was started from them (issue 20): each
 * indicator whose 调整后指标值 or 调整原因 changed between `before` and `after` gets the new values in the
 * 自评表 (by id; an adjustment taken back is taken back there too). Only what this save changed is
 * written, so a value typed into the 自评表 itself for another indicator stays. `indicatorIds`: the ids
 * the save changed that the 自评表 has (whether or not its values already agreed); empty when it has none.
 */
export function adjustmentsIntoSelfEvaluation(before: GoalForm, after: GoalForm, form: Evaluation): { form: Evaluation; indicatorIds: string[] } {
  const was = new Map(before.indicators.map((g) => [g.id, adjustmentOf(g)]));
  const changed = new Map<string, { target: string; reason: string } | null>();
  for (const g of after.indicators) {
    const now = adjustmentOf(g);
    const then = was.get(g.id) ?? null;
    if (g.id !== undefined && JSON.stringify(now) !== JSON.stringify(then)) changed.set(g.id, now);
  }
  const indicatorIds: string[] = [];
  const indicators = form.indicators.map((ind): Indicator => {
    if (ind.id === undefined || !changed.has(ind.id)) return ind;
    indicatorIds.push(ind.id);
    const a = changed.get(ind.id)!;
    const { targetAdjusted: _t, adjustReason: _r, ...rest } = ind;
    return a ? { ...rest, targetAdjusted: text(a.target), adjustReason: text(a.reason) } : rest;
  });
  return { form: indicatorIds.length ? { ...form, indicators } : form, indicatorIds };
}
