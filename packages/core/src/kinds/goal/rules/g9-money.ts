/**
 * G9 money: the money block agrees with itself. 年度资金总额 = 财政拨款 + 上年结转 + 其他资金; the annual
 * figure is never compared for equality with the all-years 项目资金总额, but cannot exceed it; no figure
 * is negative or unreadable. All figures are in the one unit the form states (万元 or 元), kept exact.
 */
import type { Finding } from '../../../audit/finding.ts';
import { add, cmp, isNegative, sub, trim } from '../../../values/exact.ts';
import { goalFinding, type GoalLint } from '../lint-context.ts';
import { MONEY_FIELDS } from '../money.ts';

export function g9Money(l: GoalLint, out: Finding[]): void {
  const m = l.form.money;
  const unit = m.unit;
  const at = (field: (typeof MONEY_FIELDS)[number][0]) => ({
    section: 'budget' as const,
    field: `money.${field}`,
    ...(m[field]?.src ? { src: m[field]!.src } : {}),
  });
  let readable = true;
  for (const [field, label] of MONEY_FIELDS) {
    const f = m[field];
    if (f === undefined || f.raw.trim() === '') continue;
    if (f.value === null) {
      readable = false;
      out.push(goalFinding(l, 'G9.NOT_A_NUMBER', `${label}“${f.raw.trim()}”不是金额（单位：${unit}）`, at(field), { [field]: f.raw }));
    } else if (isNegative(f.value)) {
      readable = false;
      out.push(goalFinding(l, 'G9.NEGATIVE', `${label}为 ${f.value}${unit}，不能为负数`, at(field), { [field]: f.value }));
    }
  }
  if (!readable) return;
  const v = (field: 'total' | 'annual' | 'fiscal' | 'carryover' | 'other'): string | null => m[field]?.value ?? null;
  const parts = (['fiscal', 'carryover', 'other'] as const).map(v);
  const present = parts.filter((x): x is string => x !== null);
  const annual = v('annual');
  if (present.length > 0) {
    const sum = add(present);
    if (annual === null)
      out.push(
        goalFinding(
          l,
          'G9.ANNUAL_MISSING',
          `年度资金总额未填写；其中各项合计 ${sum}${unit}`,
          at('annual'),
          { sum, unit },
          { field: 'money.annual', value: sum, label: `填入 ${sum}${unit}（财政拨款 + 上年结转 + 其他资金）` },
        ),
      );
    else if (cmp(sum, annual) !== 0)
      out.push(
        goalFinding(
          l,
          'G9.PARTS_SUM',
          `年度资金总额 ${annual}${unit}，而财政拨款 + 上年结转 + 其他资金 = ${sum}${unit}，相差 ${trim(sub(annual, sum))}${unit}`,
          at('annual'),
          {
            annual,
            fiscal: parts[0] ?? null,
            carryover: parts[1] ?? null,
            other: parts[2] ?? null,
            sum,
            unit,
          },
        ),
      );
  }
  const total = v('total');
  if (annual !== null && total !== null && cmp(annual, total) > 0)
    out.push(
      goalFinding(l, 'G9.ANNUAL_ABOVE_TOTAL', `年度资金总额 ${annual}${unit} 超过项目资金总额（全部年度）${total}${unit}`, at('annual'), {
        annual,
        total,
        unit,
      }),
    );
}
