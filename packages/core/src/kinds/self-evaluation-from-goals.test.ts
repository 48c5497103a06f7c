/** The year's 自评表 from the approved goals (issue 20), and scoring by the adjusted target (R4.adjusted). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.ts';
import { getScheme } from '../scheme/registry.ts';
import { scoreEvaluation } from '../scoring/score-evaluation.ts';
import { GoalForm } from './goal/goal-form.ts';
import { selfEvaluationKind } from './self-evaluation.ts';

const approved = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../fixtures/goals/well-set.goal.json'), 'utf8')));
const fromGoals = selfEvaluationKind.startsFrom.find((s) => s.from === 'goals')!;

describe('the 自评表 started from the approved goals', () => {
  it('needs the goal form 财政已批复, and carries tree, ids, points and targets; actuals empty', () => {
    expect(fromGoals).toMatchObject({ kind: 'goal', status: 'finance-reviewed' });
    const ev = fromGoals.make(approved, 2024) as Evaluation;
    expect(Evaluation.parse(ev)).toEqual(ev);
    expect(ev.year).toBe(2024);
    expect(ev.project.name.raw).toBe(approved.project.name.raw);
    expect(ev.indicators.map((i) => [i.id, i.level2.raw, i.name.raw, i.target.raw, i.points.value])).toEqual(
      approved.indicators.map((g) => [g.id, g.level2.raw, g.name.raw, g.target.raw, g.points?.value]),
    );
    expect(ev.indicators.every((i) => i.actual.raw === '' && i.claimedScore.raw === '')).toBe(true);
    // 年初预算数 from the approved money block
    expect(ev.budget.lines.map((l) => [l.kind, l.initial?.value])).toEqual([
      ['total', '120'],
      ['current', '100'],
      ['carryover', '15'],
      ['other', '5'],
    ]);
    expect(ev.goals.expected?.raw).toBe(approved.goals.annual?.raw);
  });

  it('money in 元 becomes 万元, exactly', () => {
    const inYuan: GoalForm = { ...approved, money: { unit: '元', annual: { raw: '1234567', value: '1234567' } } };
    const ev = fromGoals.make(inYuan, 2024) as Evaluation;
    expect(ev.budget.lines[0]!.initial?.value).toBe('123.4567');
  });

  it('an adjusted target keeps both values, and scoring uses the adjusted one (R4.adjusted)', () => {
    const goals = structuredClone(approved);
    const g = goals.indicators[1]!;
    g.target = { raw: '≥100个' };
    g.adjusted = { target: { raw: '≥80个' }, reason: { raw: '预算调减，采购数量相应调减' } };
    const ev = fromGoals.make(goals, 2024) as Evaluation;
    const ind = ev.indicators[1]!;
    expect([ind.target.raw, ind.targetAdjusted?.raw, ind.adjustReason?.raw]).toEqual(['≥100个', '≥80个', '预算调减，采购数量相应调减']);
    ind.actual = { raw: '85个' };
    const scheme = getScheme('national');
    const adjusted = scoreEvaluation(ev, scheme).indicators[1]!;
    expect([adjusted.score, adjusted.targetUsed]).toEqual(['10.00', 'adjusted']);
    // the same actual against the approved target: 85 ÷ 100 × 10
    const { targetAdjusted: _t, adjustReason: _r, ...unadjusted } = ind;
    const original = scoreEvaluation({ ...ev, indicators: ev.indicators.map((x, i) => (i === 1 ? unadjusted : x)) }, scheme).indicators[1]!;
    expect([original.score, original.targetUsed]).toEqual(['8.50', 'initial']);
  });
});
