import { describe, expect, it } from 'vitest';
import { syntheticForms } from '../synthetic/synthetic-forms.ts';
import { FIGURES, figureOf } from './budget-figures.ts';
import type { BudgetLine } from './evaluation.ts';

describe('figureOf', () => {
  it('reads the same cell as line[k], for every figure, present or absent', () => {
    const line: BudgetLine = {
      kind: 'total',
      label: { raw: '合计' },
      ...Object.fromEntries(FIGURES.map((k, i) => [k, { raw: String(i), value: String(i) }])),
    };
    for (const k of FIGURES) expect(figureOf(line, k)).toBe(line[k]);
    for (const l of syntheticForms(20, 5).flatMap((f) => f.budget.lines)) for (const k of FIGURES) expect(figureOf(l, k)).toBe(l[k]);
  });
});
