/**
 * 各部门汇总 from the store's per-department sums: exact 万元 from whole 分, the 执行率 rounded once,
 * departments without forms shown with zeros, the total over the departments shown only.
 */
import { describe, expect, it } from 'vitest';
import { provinceOverview, type Department, type DepartmentGradeTotals } from '../src/index.ts';

const dept = (id: number, name: string): Department => ({ id, code: `d${id}`, name, parentId: null });
const t = (departmentId: number, grade: string, forms: number, budgetFen: bigint, executedFen: bigint): DepartmentGradeTotals => ({
  departmentId,
  grade,
  forms,
  budgetFen,
  executedFen,
});

describe('provinceOverview', () => {
  it('sums each department exactly, rounds the 执行率 once, and totals the departments shown', () => {
    const totals = [
      t(1, '优', 9, 458_110_000n, 453_140_000n),
      t(1, '中', 1, 1_000_000n, 500_000n),
      t(2, '良', 3, 1n, 2n),
      t(3, '优', 5, 10_000_000n, 10_000_000n), // not shown: outside the user's departments
    ];
    const o = provinceOverview([dept(1, '政法委'), dept(2, '财政局'), dept(4, '新部门')], totals, 2023);
    expect(o.rows[0]).toEqual({
      departmentId: 1,
      code: 'd1',
      name: '政法委',
      forms: 10,
      budget: '459.11',
      executed: '453.64',
      rate: '98.81',
      gradeCounts: { 优: 9, 中: 1 },
    });
    // 1 分 = 0.000001 万元: nothing is lost to rounding in the sums
    expect(o.rows[1]).toMatchObject({ forms: 3, budget: '0.000001', executed: '0.000002', rate: '200.00', gradeCounts: { 良: 3 } });
    expect(o.rows[2]).toMatchObject({ forms: 0, budget: '0', executed: '0', rate: null, gradeCounts: {} });
    expect(o.total).toEqual({ departments: 3, forms: 13, budget: '459.110001', executed: '453.640002', rate: '98.81', gradeCounts: { 优: 9, 中: 1, 良: 3 } });
    expect(o.year).toBe(2023);
  });

  it('sums past 2⁵³ 分 stay exact', () => {
    const big = 2n ** 53n + 1n;
    const o = provinceOverview([dept(1, 'a')], [t(1, '优', 1, big, big), t(1, '良', 1, big, big)]);
    expect(o.rows[0]!.budget).toBe('18014398509.481986'); // (2⁵⁴ + 2) 分
    expect(o.rows[0]!.rate).toBe('100.00');
  });
});
