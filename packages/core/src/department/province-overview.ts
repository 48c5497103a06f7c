/**
 * 各部门汇总: one line per department for the finance bureau at province scale — forms, 全年预算数,
 * 全年执行数, 执行率 and the grade counts of its forms — and the province's total, from the store's
 * per-department sums (no form is read: at 100,000 forms this is one grouped query). Money arrives in
 * whole 分 and is summed exactly; 万元 and the 执行率 are computed from those sums, rounded once.
 */
import type { Department, DepartmentGradeTotals } from '../ports/store.ts';
import { format, isZero, mulDiv, trim } from '../values/exact.ts';

export interface DepartmentOverviewLine {
  departmentId: number;
  code: string;
  name: string;
  forms: number;
  /** 万元, exact */
  budget: string;
  executed: string;
  /** 执行率, %, 2 decimals (null without a budget) */
  rate: string | null;
  gradeCounts: Record<string, number>;
}

export interface ProvinceOverview {
  year: number | null;
  rows: DepartmentOverviewLine[];
  total: Omit<DepartmentOverviewLine, 'departmentId' | 'code' | 'name'> & { departments: number };
}

/** 分 → 万元 (1 万元 = 1,000,000 分), exact. */
const wanYuan = (fen: bigint) => trim(format(fen, 6));

function line(forms: number, budgetFen: bigint, executedFen: bigint, gradeCounts: Record<string, number>) {
  const budget = wanYuan(budgetFen);
  const executed = wanYuan(executedFen);
  return { forms, budget, executed, rate: isZero(budget) ? null : mulDiv([executed, '100'], [budget], 2), gradeCounts };
}

/**
 * The departments given (those the user may see), in their order, each with its sums — a department
 * without forms shows zeros — and their total.
 */
export function provinceOverview(departments: readonly Department[], totals: readonly DepartmentGradeTotals[], year: number | null = null): ProvinceOverview {
  const by = new Map<number, DepartmentGradeTotals[]>();
  for (const t of totals) {
    const list = by.get(t.departmentId);
    if (list) list.push(t);
    else by.set(t.departmentId, [t]);
  }
  const sum = (ts: readonly DepartmentGradeTotals[]) => {
    const grades: Record<string, number> = {};
    let forms = 0;
    let budget = 0n;
    let executed = 0n;
    for (const t of ts) {
      grades[t.grade] = (grades[t.grade] ?? 0) + t.forms;
      forms += t.forms;
      budget += t.budgetFen;
      executed += t.executedFen;
    }
    return line(forms, budget, executed, grades);
  };
  const shown = departments.map((d) => by.get(d.id) ?? []);
  const rows = departments.map((d, i) => ({ departmentId: d.id, code: d.code, name: d.name, ...sum(shown[i]!) }));
  // the total of the departments shown, from the same sums in 分 (not from their rounded lines)
  return { year, rows, total: { departments: rows.length, ...sum(shown.flat()) } };
}
