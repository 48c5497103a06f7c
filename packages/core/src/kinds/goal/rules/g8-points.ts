/**
 * G8 points: where the form gives 分值/权重, each is a positive number, none is missing, and each 一级
 * adds up to the scheme's weight (10号: "原则上…产出50%、效益30%、服务对象满意度10%"; the budget
 * execution points are not on the goal form). 成本指标 as its own 一级 counts with 产出 where the scheme
 * weighs only 产出 (R8: both placements).
 */
import type { Finding } from '../../../audit/finding.ts';
import { canonicalLevel1 } from '../../../model/categories.ts';
import { add, cmp, isNegative, isZero } from '../../../values/exact.ts';
import { atRow, goalFinding, type GoalLint } from '../lint-context.ts';

export function g8Points(l: GoalLint, out: Finding[]): void {
  const given = l.rows.filter((r) => r.ind.points !== undefined && r.ind.points.raw.trim() !== '');
  if (given.length === 0) return; // a form without points is allowed
  const ok: typeof given = [];
  for (const r of given) {
    const p = r.ind.points!;
    const where = { ...atRow(r, 'points'), ...(p.src ? { src: p.src } : {}) };
    if (p.value === null) out.push(goalFinding(l, 'G8.NOT_A_NUMBER', `“${r.ind.name.raw}”的分值“${p.raw.trim()}”不是数字`, where, { points: p.raw }));
    else if (isZero(p.value) || isNegative(p.value))
      out.push(goalFinding(l, 'G8.NOT_POSITIVE', `“${r.ind.name.raw}”的分值为 ${p.value}，每个指标的分值应大于 0`, where, { points: p.value }));
    else ok.push(r);
  }
  const withPoints = new Set(given);
  for (const r of l.rows)
    if (!withPoints.has(r))
      out.push(goalFinding(l, 'G8.MISSING', `“${r.ind.name.raw}”没有分值，而本表其他指标有分值`, atRow(r, 'points'), { given: given.length }));
  if (ok.length !== given.length || given.length !== l.rows.length) return; // sums only mean something once every row has a number
  const weights = new Map(l.scheme.weights.map((w) => [w.level1, w.points]));
  const budgetLevel1 = l.scheme.budget.mode === 'indicator' ? l.scheme.budget.level1 : null;
  const sums = new Map<string, string[]>();
  /** groups that took 成本指标 rows of their own 一级: the message says so (重庆's form puts 成本 first, alone) */
  const withCost = new Set<string>();
  for (const r of ok) {
    const asOutput = !weights.has(r.level1) && r.level1 === '成本指标' && weights.has('产出指标');
    const group = asOutput ? '产出指标' : r.level1;
    // the 二级 成本指标 places the row under 产出 (R8) however the form heads it: say so where it headed it 成本
    if (asOutput || (group === '产出指标' && canonicalLevel1(r.ind.level1) === '成本指标')) withCost.add(group);
    const list = sums.get(group);
    if (list) list.push(r.ind.points!.value!);
    else sums.set(group, [r.ind.points!.value!]);
  }
  for (const [group, values] of sums) {
    const weight = weights.get(group);
    if (weight === undefined || group === budgetLevel1) continue;
    const sum = add(values);
    if (cmp(sum, weight) !== 0)
      out.push(
        goalFinding(
          l,
          'G8.GROUP_POINTS',
          `${group}${withCost.has(group) ? '（含一级“成本指标”）' : ''}各指标分值合计 ${sum} 分，评分方案规定为 ${weight} 分`,
          { section: 'indicators', field: 'indicators' },
          { level1: group, sum, expected: weight },
        ),
      );
  }
}
