/**
 * A11: execution and achievement agree: indicators claimed (nearly) fully met while much of the money
 * was not spent is implausible; a large unspent share is a warning on its own.
 */
import { add, cmp, cmpProducts, isZero, mulDiv, sub, trim } from '../../values/exact.ts';
import { finding, type FormAudit } from '../context.ts';
import { oneMinus, onePlus } from '../scheme-figures.ts';
import type { Finding } from '../finding.ts';

export function a11ExecutionVsAchievement(a: FormAudit, out: Finding[]): void {
  const { score, scheme } = a;
  if (score.budget.rate === null) return;
  const rate = score.budget.rate;
  // The group subtotals already hold Σ 分值 and Σ claimed scores; budget execution is not an achievement.
  const points: string[] = [];
  const claimedScores: string[] = [];
  for (const g of score.groups)
    if (g.level1 !== '预算执行率') {
      points.push(g.points);
      claimedScores.push(g.claimed);
    }
  const pointSum = add(points);
  if (isZero(pointSum)) return;
  const claimed = add(claimedScores);
  const pct = (d: string) => mulDiv([d, '100'], [], 2);
  // completion ÷ rate − 1 > gap  ⇔  claimed > rate × (1 + gap) × points, all exact (points > 0)
  const over = isZero(rate)
    ? cmp(mulDiv([claimed], [pointSum], 6), '0') > 0
    : cmpProducts([claimed], [rate, onePlus(scheme.audit.completionExecutionGap), pointSum]) > 0;
  if (over) {
    const completion = trim(mulDiv([claimed], [pointSum], 6));
    out.push(
      finding(
        a,
        'A11.COMPLETION_VS_EXECUTION',
        `指标完成程度 ${pct(completion)}%（填报得分 ÷ 分值）明显高于预算执行率 ${pct(rate)}%，请核实绩效完成情况或资金使用`,
        { section: 'budget', field: 'indicators' },
        // `rate` in percent, as every finding gives it (A4, A6); completion a share of 1, as R4 gives it
        { completion, rate: score.budget.ratePercent },
      ),
    );
  }
  // 1 − rate > share  ⇔  rate < 1 − share: the difference is printed only for a finding
  if (cmp(rate, oneMinus(scheme.audit.unspentShare)) < 0) {
    const unspent = sub('1', rate);
    out.push(
      finding(
        a,
        'A11.UNSPENT',
        `预算 ${score.budget.budget} 万元中有 ${pct(unspent)}% 未执行（结余 ${trim(sub(score.budget.budget!, score.budget.executed!))} 万元）`,
        { section: 'budget', field: 'budget' },
        {
          budget: score.budget.budget,
          executed: score.budget.executed,
          unspentShare: trim(mulDiv([unspent], [], 6)),
        },
      ),
    );
  }
}
