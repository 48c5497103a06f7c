/**
 * G2 cost: a 成本 indicator exists, and it is a unit cost or an itemised cost control figure, not the
 * project's whole budget restated. 101号: "成本指标包括经济成本指标、社会成本指标和生态环境成本指标等二级
 * 指标，分别反映项目实施产生的各方面成本的预期控制范围"; "对单位成本无法拆分核算的任务，可设定分项成本控制数。
 * 对于具有负外部性的支出项目，还应选取负作用成本指标".
 */
import type { Finding } from '../../../audit/finding.ts';
import { cmp, times, trim } from '../../../values/exact.ts';
import { unitScale } from '../../../values/parse-value.ts';
import { atTarget, goalFinding, unitOf, type GoalLint, type GoalRow } from '../lint-context.ts';
import { moneyInYuan } from '../money.ts';
import { hasExternalities } from '../project-traits.ts';

const isCost = (r: GoalRow): boolean => r.level1 === '成本指标' || r.category.includes('成本');

export function g2Cost(l: GoalLint, out: Finding[]): void {
  if (l.rows.length === 0) return; // G1 says the tree is empty
  const costs = l.rows.filter(isCost);
  if (costs.length === 0) {
    out.push(
      goalFinding(
        l,
        'G2.NO_COST',
        '缺少成本指标：应设单位成本或分项成本控制数（如“人均培训成本≤800元”），不能只有数量、质量、时效',
        { section: 'indicators', field: 'indicators' },
        { level2: '成本指标' },
      ),
    );
  }
  const annual = moneyInYuan(l.form, l.form.money.annual);
  const total = moneyInYuan(l.form, l.form.money.total);
  for (const r of costs) {
    if (r.parsed.kind !== 'quantity') continue;
    const scale = unitScale(unitOf(r));
    if (scale.base !== '元') continue;
    const yuan = trim(times(r.parsed.value, scale.factor));
    const same = annual !== null && cmp(yuan, annual) === 0 ? '年度资金总额' : total !== null && cmp(yuan, total) === 0 ? '项目资金总额' : null;
    if (same === null) continue;
    out.push(
      goalFinding(
        l,
        'G2.WHOLE_BUDGET',
        `成本指标“${r.ind.name.raw}”的指标值“${r.target.raw.trim()}”就是${same}，只是把预算重写一遍；应设单位成本（如每人、每次、每公里）或分项成本控制数`,
        atTarget(r),
        { target: r.target.raw, yuan, [same === '年度资金总额' ? 'annual' : 'total']: same === '年度资金总额' ? annual : total },
      ),
    );
  }
  const external = hasExternalities(l.form);
  if (external !== null && !l.rows.some((r) => r.category === '社会成本指标' || r.category === '生态环境成本指标'))
    out.push(
      goalFinding(
        l,
        'G2.NO_EXTERNAL_COST',
        `项目涉及“${external}”，可能带来负外部性，应考虑设社会成本或生态环境成本指标`,
        { section: 'indicators', field: 'indicators' },
        { word: external },
      ),
    );
}
