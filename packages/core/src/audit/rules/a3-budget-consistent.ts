/**
 * A3: the budget block is consistent: claimed 执行率 = 执行数 ÷ 预算数 (within the scheme's tolerance,
 * in percentage points); 执行数 ≤ 到位数 ≤ 预算数; 结余 = 预算数 − 执行数; the total line equals the
 * sum of its source lines (a total of 0 over filled source lines is the worst case).
 */
import type { BudgetLine, NumberField } from '../../model/evaluation.ts';
import { totalLine } from '../../scoring/budget-execution.ts';
import { Dec, HUNDRED, sum } from '../../values/decimal.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

const FIELDS = ['initial', 'declared', 'prepared', 'adjusted', 'received', 'executed', 'balance'] as const;
const NAMES: Record<(typeof FIELDS)[number], string> = {
  initial: '年初预算数',
  declared: '目标申报数',
  prepared: '预算编制数',
  adjusted: '全年预算数',
  received: '到位数',
  executed: '全年执行数',
  balance: '结转结余',
};

const v = (f: NumberField | undefined): Dec | null => (f?.value ? new Dec(f.value) : null);
const at = (f: NumberField | undefined) => (f?.src ? { src: f.src } : {});

export function a3BudgetConsistent(a: FormAudit): Finding[] {
  const out: Finding[] = [];
  const { ev, score } = a;
  const line = totalLine(ev);
  if (!line) return out;
  const li = ev.budget.lines.indexOf(line);
  const b = score.budget;

  for (const [i, l] of ev.budget.lines.entries())
    for (const k of FIELDS) {
      const x = v(l[k]);
      if (x?.isNegative() && k !== 'balance')
        out.push(finding(a, 'A3.NEGATIVE', `${l.label.raw.trim() || '预算'}的${NAMES[k]}为负数（${x.toFixed()} 万元）`, { section: 'budget', field: `budget.lines[${i}].${k}`, ...at(l[k]) }, { value: x.toFixed() }));
    }

  if (b.budget !== null && b.rate === null)
    out.push(finding(a, 'A3.BUDGET_UNDEFINED', `${b.explanation}，需核实预算数`, { section: 'budget', field: `budget.lines[${li}].adjusted` }, { budget: b.budget, executed: b.executed }));

  if (b.rate !== null && line.rate?.value) {
    const computed = new Dec(b.rate).times(HUNDRED);
    const claimed = new Dec(line.rate.value);
    if (computed.minus(claimed).abs().greaterThan(a.scheme.audit.rateTolerancePoints))
      out.push(
        finding(
          a,
          'A3.RATE',
          `执行率写作 ${line.rate.raw.trim()}，按执行数 ${b.executed} ÷ 预算数 ${b.budget} 计算应为 ${computed.toFixed(2)}%`,
          { section: 'budget', field: `budget.lines[${li}].rate`, ...at(line.rate) },
          { claimed: claimed.toFixed(), computed: computed.toFixed(2), budget: b.budget, executed: b.executed },
          { field: `budget.lines[${li}].rate`, value: `${computed.toFixed(2)}%`, label: `改为 ${computed.toFixed(2)}%` },
        ),
      );
  }

  const budget = b.budget === null ? null : new Dec(b.budget);
  const received = v(line.received);
  const executed = v(line.executed);
  if (executed && received && executed.greaterThan(received))
    out.push(finding(a, 'A3.ORDER', `执行数 ${executed.toFixed()} 万元大于到位数 ${received.toFixed()} 万元`, { section: 'budget', field: `budget.lines[${li}].executed`, ...at(line.executed) }, { executed: executed.toFixed(), received: received.toFixed() }));
  if (received && budget && received.greaterThan(budget))
    out.push(finding(a, 'A3.ORDER', `到位数 ${received.toFixed()} 万元大于预算数 ${budget.toFixed()} 万元`, { section: 'budget', field: `budget.lines[${li}].received`, ...at(line.received) }, { received: received.toFixed(), budget: budget.toFixed() }));
  if (!received && executed && budget && executed.greaterThan(budget))
    out.push(finding(a, 'A3.ORDER', `执行数 ${executed.toFixed()} 万元大于预算数 ${budget.toFixed()} 万元`, { section: 'budget', field: `budget.lines[${li}].executed`, ...at(line.executed) }, { executed: executed.toFixed(), budget: budget.toFixed() }));

  const balance = v(line.balance);
  if (balance && budget && executed && !budget.minus(executed).equals(balance)) {
    const should = budget.minus(executed).toFixed();
    out.push(
      finding(a, 'A3.BALANCE', `结转结余写作 ${balance.toFixed()} 万元，预算数 − 执行数 = ${should} 万元`, { section: 'budget', field: `budget.lines[${li}].balance`, ...at(line.balance) }, { balance: balance.toFixed(), computed: should }, {
        field: `budget.lines[${li}].balance`,
        value: should,
        label: `改为 ${should} 万元`,
      }),
    );
  }

  out.push(...linesSum(a, ev.budget.lines, line, li));
  return out;
}

/** The total line against its source lines (当年财政拨款 + 上年结转 + 其他资金, or 财政资金 + 其他). */
function linesSum(a: FormAudit, lines: BudgetLine[], total: BudgetLine, li: number): Finding[] {
  const out: Finding[] = [];
  const sources = lines.filter((l) => l !== total && l.kind !== 'total');
  // 财政资金 may be the same money as 当年财政拨款 written again; sum one family only.
  const family = sources.some((l) => l.kind === 'current' || l.kind === 'carryover') ? sources.filter((l) => l.kind !== 'fiscal') : sources;
  if (family.length === 0) return out;
  for (const k of FIELDS) {
    const t = v(total[k]);
    const parts = family.map((l) => v(l[k]));
    if (parts.every((p) => p === null)) continue;
    const s = sum(parts.map((p) => p ?? new Dec(0)));
    if (t === null && s.isZero()) continue;
    if (t !== null && t.equals(s)) continue;
    const zero = (t === null || t.isZero()) && !s.isZero();
    out.push(
      finding(
        a,
        zero ? 'A3.ZERO_TOTAL' : 'A3.LINES_SUM',
        zero
          ? `${NAMES[k]}合计为 ${t?.toFixed() ?? '空'}，其下各资金来源合计 ${s.toFixed()} 万元`
          : `${NAMES[k]}合计 ${t?.toFixed() ?? '空'} 万元，不等于各资金来源之和 ${s.toFixed()} 万元`,
        { section: 'budget', field: `budget.lines[${li}].${k}`, ...at(total[k]) },
        { total: t?.toFixed() ?? null, sum: s.toFixed() },
        { field: `budget.lines[${li}].${k}`, value: s.toFixed(), label: `改为 ${s.toFixed()} 万元` },
      ),
    );
  }
  return out;
}
