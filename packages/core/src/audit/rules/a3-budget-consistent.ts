/**
 * A3: the budget block is consistent: claimed 执行率 = 执行数 ÷ 预算数 (within the scheme's tolerance,
 * in percentage points); 执行数 ≤ 到位数 ≤ 预算数; 结余 = 预算数 − 执行数; the total line equals the
 * sum of its source lines (a total of 0 over filled source lines is the worst case).
 */
import { FIGURES, figureOf, type Figure } from '../../model/budget-figures.ts';
import type { BudgetLine, NumberField } from '../../model/evaluation.ts';
import { baseName, totalLine } from '../../scoring/budget-execution.ts';
import { add, cmp, cmpDistance, isNegative, isZero, mulDiv, sub, trim } from '../../values/exact.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

/** The figures that cannot be negative: all but 结转结余 (an overspend is written as a negative balance). */
const UNSIGNED = FIGURES.filter((k) => k !== 'balance');
const NAMES: Record<Figure, string> = {
  initial: '年初预算数',
  declared: '目标申报数',
  prepared: '预算编制数',
  adjusted: '全年预算数',
  received: '到位数',
  executed: '全年执行数',
  balance: '结转结余',
};

/** A figure as an exact decimal string without trailing zeros, or null when the cell holds none. */
const v = (f: NumberField | undefined): string | null => (f?.value ? trim(f.value) : null);

export function a3BudgetConsistent(a: FormAudit, out: Finding[]): void {
  const { ev, score } = a;
  const line = totalLine(ev);
  if (!line) return;
  const { lines } = ev.budget;
  const li = lines.indexOf(line);
  const b = score.budget;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    for (const k of UNSIGNED) {
      const f = figureOf(l, k);
      const x = f?.value;
      if (x && isNegative(x))
        out.push(
          finding(
            a,
            'A3.NEGATIVE',
            `${l.label.raw.trim() || '预算'}的${NAMES[k]}为负数（${trim(x)} 万元）`,
            { section: 'budget', field: `budget.lines[${i}].${k}`, src: f.src },
            { value: trim(x) },
          ),
        );
    }
  }

  if (b.budget !== null && b.rate === null)
    out.push(
      finding(
        a,
        'A3.BUDGET_UNDEFINED',
        `${b.explanation}，需核实预算数`,
        { section: 'budget', field: `budget.lines[${li}].adjusted` },
        { budget: b.budget, executed: b.executed },
      ),
    );

  if (b.rate !== null && line.rate?.value) {
    // |rate × 100 − written| > tolerance, in percentage points
    if (cmpDistance(b.rate, line.rate.value, a.scheme.audit.rateTolerancePoints, 2) > 0) {
      const claimed = trim(line.rate.value);
      const computed = mulDiv([b.rate, '100'], [], 2);
      out.push(
        finding(
          a,
          'A3.RATE',
          `执行率写作 ${line.rate.raw.trim()}，按执行数 ${b.executed} ÷ ${baseName(b.budgetField)} ${b.budget} 计算应为 ${computed}%`,
          { section: 'budget', field: `budget.lines[${li}].rate`, src: line.rate?.src },
          { claimed, computed, budget: b.budget, executed: b.executed },
          { field: `budget.lines[${li}].rate`, value: `${computed}%`, label: `改为 ${computed}%` },
        ),
      );
    }
  }

  const budget = b.budget === null ? null : trim(b.budget);
  const received = v(line.received);
  const executed = v(line.executed);
  const above = (x: string | null, y: string | null): x is string => x !== null && y !== null && cmp(x, y) > 0;
  if (above(executed, received))
    out.push(
      finding(
        a,
        'A3.ORDER',
        `执行数 ${executed} 万元大于到位数 ${received} 万元`,
        { section: 'budget', field: `budget.lines[${li}].executed`, src: line.executed?.src },
        { executed, received },
      ),
    );
  if (above(received, budget))
    out.push(
      finding(
        a,
        'A3.ORDER',
        `到位数 ${received} 万元大于预算数 ${budget} 万元`,
        { section: 'budget', field: `budget.lines[${li}].received`, src: line.received?.src },
        { received, budget },
      ),
    );
  if (received === null && above(executed, budget))
    out.push(
      finding(
        a,
        'A3.ORDER',
        `执行数 ${executed} 万元大于预算数 ${budget} 万元`,
        { section: 'budget', field: `budget.lines[${li}].executed`, src: line.executed?.src },
        { executed, budget },
      ),
    );

  const balance = v(line.balance);
  if (balance !== null && budget !== null && executed !== null) {
    const should = trim(sub(budget, executed));
    if (cmp(should, balance) !== 0)
      out.push(
        finding(
          a,
          'A3.BALANCE',
          `结转结余写作 ${balance} 万元，预算数 − 执行数 = ${should} 万元`,
          { section: 'budget', field: `budget.lines[${li}].balance`, src: line.balance?.src },
          { balance, computed: should },
          {
            field: `budget.lines[${li}].balance`,
            value: should,
            label: `改为 ${should} 万元`,
          },
        ),
      );
  }

  linesSum(a, lines, line, li, out);
}

/** The total line against its source lines (当年财政拨款 + 上年结转 + 其他资金, or 财政资金 + 其他). */
function linesSum(a: FormAudit, lines: BudgetLine[], total: BudgetLine, li: number, out: Finding[]): void {
  const sources = lines.filter((l) => l !== total && l.kind !== 'total');
  // 财政资金 may be the same money as 当年财政拨款 written again; sum one family only.
  const family = sources.some((l) => l.kind === 'current' || l.kind === 'carryover') ? sources.filter((l) => l.kind !== 'fiscal') : sources;
  if (family.length === 0) return;
  for (const k of FIGURES) {
    // Σ of the family's figures, added as they come: most families are one or two lines
    let sum: string | null = null;
    for (const l of family) {
      const p = figureOf(l, k)?.value;
      if (p) sum = sum === null ? p : add([sum, p]);
    }
    if (sum === null) continue;
    // compared as written (cmp is numeric: 12.50 = 12.5), trimmed only to be shown in a finding
    const cell = figureOf(total, k);
    const written = cell?.value || null;
    if (written === null ? isZero(sum) : cmp(written, sum) === 0) continue;
    const t = written === null ? null : trim(written);
    const s = trim(sum);
    const zero = (t === null || isZero(t)) && !isZero(s);
    out.push(
      finding(
        a,
        zero ? 'A3.ZERO_TOTAL' : 'A3.LINES_SUM',
        zero ? `${NAMES[k]}合计为 ${t ?? '空'}，其下各资金来源合计 ${s} 万元` : `${NAMES[k]}合计 ${t ?? '空'} 万元，不等于各资金来源之和 ${s} 万元`,
        { section: 'budget', field: `budget.lines[${li}].${k}`, src: cell?.src },
        { total: t, sum: s },
        { field: `budget.lines[${li}].${k}`, value: s, label: `改为 ${s} 万元` },
      ),
    );
  }
}
