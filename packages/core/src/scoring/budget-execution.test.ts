import { describe, expect, it } from 'vitest';
import type { BudgetLine, Evaluation } from '../model/evaluation.ts';
import { getScheme } from '../scheme/registry.ts';
import { syntheticForms } from '../synthetic/synthetic-forms.ts';
import { budgetExecution } from './budget-execution.ts';

const money = (v: string) => ({ raw: v, value: v });
const withTotal = (line: Partial<BudgetLine>): Evaluation => {
  const ev = syntheticForms(1, 3)[0]!;
  return { ...ev, budget: { ...ev.budget, lines: [{ kind: 'total', label: { raw: '合计' }, executed: money('40'), ...line }] } };
};

describe('R3: which figure is 全年预算数', () => {
  const national = getScheme('national');
  it('the adjusted budget when written, else 预算编制数, 年初预算数, 目标申报数, in that order', () => {
    const all = { adjusted: money('100'), prepared: money('80'), initial: money('60'), declared: money('50') };
    expect(budgetExecution(withTotal(all), national)).toMatchObject({ budgetField: 'adjusted', budget: '100', rate: '0.4' });
    expect(budgetExecution(withTotal({ ...all, adjusted: undefined }), national)).toMatchObject({ budgetField: 'prepared', budget: '80', rate: '0.5' });
    expect(budgetExecution(withTotal({ initial: money('50'), declared: money('40') }), national)).toMatchObject({ budgetField: 'initial', budget: '50' });
    expect(budgetExecution(withTotal({ declared: money('40') }), national)).toMatchObject({ budgetField: 'declared', budget: '40', rate: '1' });
  });
  it('a cell without a number does not count as written', () => {
    expect(budgetExecution(withTotal({ adjusted: { raw: '—', value: null }, prepared: money('80') }), national)).toMatchObject({
      budgetField: 'prepared',
      budget: '80',
    });
  });
  it('none written: no budget, no rate', () => {
    expect(budgetExecution(withTotal({}), national)).toMatchObject({ budgetField: null, budget: null, rate: null });
  });
});

describe('R3: the explanation names the base of the rate (issue 21: a form with 年初预算数 and no 全年预算数)', () => {
  const national = getScheme('national');
  it('年初预算数 named when it is the base, with the 全年预算数 it stands for missing', () => {
    const b = budgetExecution(withTotal({ initial: money('310.2'), executed: money('154.74') }), national);
    expect(b).toMatchObject({ budgetField: 'initial', budget: '310.2', ratePercent: '49.88', score: '4.99' });
    expect(b.explanation).toContain('÷ 年初预算数 310.2 = 49.88%（无全年预算数）');
  });
  it('the adjusted budget is 预算数, as before', () => {
    expect(budgetExecution(withTotal({ adjusted: money('50'), initial: money('60') }), national).explanation).toContain('÷ 预算数 50 = 80.00%；');
  });
});
