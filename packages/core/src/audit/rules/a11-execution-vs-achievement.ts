/**
 * A11: execution and achievement agree: indicators claimed (nearly) fully met while much of the money
 * was not spent is implausible; a large unspent share is a warning on its own.
 */
import { Dec, sum } from '../../values/decimal.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a11ExecutionVsAchievement(a: FormAudit): Finding[] {
  const out: Finding[] = [];
  const { score, scheme } = a;
  if (score.budget.rate === null) return out;
  const rate = new Dec(score.budget.rate);
  // The group subtotals already hold Σ 分值 and Σ claimed scores; budget execution is not an achievement.
  const groups = score.groups.filter((g) => g.level1 !== '预算执行率');
  const points = sum(groups.map((g) => new Dec(g.points)));
  if (points.isZero()) return out;
  const claimed = sum(groups.map((g) => new Dec(g.claimed)));
  const completion = claimed.dividedBy(points);
  const pct = (d: Dec) => d.times(100).toFixed(2);
  if (rate.isZero() ? completion.greaterThan(0) : completion.dividedBy(rate).minus(1).greaterThan(scheme.audit.completionExecutionGap))
    out.push(
      finding(a, 'A11.COMPLETION_VS_EXECUTION', `指标完成程度 ${pct(completion)}%（填报得分 ÷ 分值）明显高于预算执行率 ${pct(rate)}%，请核实绩效完成情况或资金使用`, { section: 'budget', field: 'indicators' }, {
        completion: completion.toSignificantDigits(6).toFixed(),
        rate: rate.toSignificantDigits(6).toFixed(),
      }),
    );
  const unspent = new Dec(1).minus(rate);
  if (unspent.greaterThan(scheme.audit.unspentShare))
    out.push(
      finding(a, 'A11.UNSPENT', `预算 ${score.budget.budget} 万元中有 ${pct(unspent)}% 未执行（结余 ${new Dec(score.budget.budget!).minus(score.budget.executed!).toFixed()} 万元）`, { section: 'budget', field: 'budget' }, {
        budget: score.budget.budget,
        executed: score.budget.executed,
        unspentShare: unspent.toSignificantDigits(6).toFixed(),
      }),
    );
  return out;
}
