/** The goal linter's findings land beside the cells the goal editor draws (by row and field), as the self-evaluation's do. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyGoalEdit, GoalForm, lintGoalForm } from '@jixiao/core';
import { indexFindings } from '../editor/finding-index.ts';
import { where } from '../editor/findings-panel.tsx';
import { cellFindings, GOAL_PLACES } from './goal-findings.ts';

const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../fixtures/goals/well-set.goal.json'), 'utf8')));

describe('goal findings beside their cells', () => {
  it('a vague target on a 数量 indicator sits in that row’s 年度指标值 cell, named in Chinese; its fix keeps the model path', () => {
    const vague = applyGoalEdit(wellSet, { type: 'set', path: 'indicators[1].target', raw: '逐步提高' });
    const list = cellFindings(lintGoalForm(vague));
    const index = indexFindings(list);
    expect(index.cell(1, 'target').map((f) => f.code)).toEqual(['G4.VAGUE_TARGET']);
    expect(index.cell(0, 'target')).toEqual([]);
    expect(where(index.cell(1, 'target')[0]!, GOAL_PLACES)).toBe('第 2 个指标 · 年度指标值');
  });

  it('an adjusted target is named as such, the tree’s and the money’s findings stay on their paths', () => {
    const g = [
      { type: 'set', path: 'indicators[2].adjusted.target', raw: '≥95' },
      { type: 'set', path: 'money.annual', raw: '130' },
    ].reduce((f, a) => applyGoalEdit(f, a as Parameters<typeof applyGoalEdit>[1]), wellSet);
    const noCost = applyGoalEdit(g, { type: 'remove-indicator', index: g.indicators.findIndex((i) => i.level2.raw === '成本指标') });
    const list = cellFindings(lintGoalForm(noCost));
    const index = indexFindings(list);
    const adjusted = index.cell(2, 'adjusted.target');
    expect(adjusted.map((f) => f.code)).toContain('G3.NO_UNIT');
    expect(adjusted.find((f) => f.fix)?.fix).toEqual({ field: 'indicators[2].adjusted.target', value: '≥95%', label: '改为“≥95%”' });
    expect(where(adjusted[0]!, GOAL_PLACES)).toBe('第 3 个指标 · 调整后指标值');
    expect(index.path('money.annual').map((f) => f.code)).toEqual(['G9.PARTS_SUM']);
    expect(where(index.path('money.annual')[0]!, GOAL_PLACES)).toBe('项目资金');
    expect(index.path('indicators').map((f) => f.code)).toContain('G2.NO_COST');
  });
});
