/** The review workflow table and the reviewed total, on a real seed form. */
import { describe, expect, it } from 'vitest';
import {
  auditForm,
  availableActions,
  canEditContent,
  canReview,
  getScheme,
  reviewedTotal,
  budgetReviewMax,
  BUDGET_REVIEW_TARGET,
  Indicator,
  scoreEvaluation,
  withIndicatorIds,
  submissionBlockers,
  transition,
} from '../src/index.ts';
import { goldenForm } from './golden.ts';

describe('workflow', () => {
  it('草稿 → 已提交 → 单位已审核 → 财政已复核, each step by its role; 退回 back to 草稿', () => {
    expect(transition('submit', 'draft', 'filler')).toBe('submitted');
    expect(transition('submit', 'draft', 'unit-reviewer')).toBeNull();
    expect(transition('approve', 'submitted', 'unit-reviewer')).toBe('unit-approved');
    expect(transition('approve', 'submitted', 'filler')).toBeNull();
    expect(transition('finalize', 'unit-approved', 'finance')).toBe('finance-reviewed');
    expect(transition('finalize', 'submitted', 'finance')).toBeNull();
    expect(transition('return', 'submitted', 'unit-reviewer')).toBe('draft');
    expect(transition('return', 'unit-approved', 'finance')).toBe('draft');
    expect(transition('return', 'unit-approved', 'unit-reviewer')).toBeNull();
    expect(availableActions('submitted', 'unit-reviewer')).toEqual(['approve', 'return']);
    expect(availableActions('draft', 'finance')).toEqual([]);
    expect(canEditContent('draft', 'filler')).toBe(true);
    expect(canEditContent('submitted', 'filler')).toBe(false);
    expect(canEditContent('draft', 'unit-reviewer')).toBe(false);
    expect(canReview('unit-approved', 'finance')).toBe(true);
    expect(canReview('submitted', 'finance')).toBe(false);
  });

  it('errors and missing 偏差原因 (A6) block a submission; a clean form goes through', () => {
    const jianyi = goldenForm('hebei-dachang-zhengfawei-2023.form-03');
    expect(submissionBlockers(auditForm(jianyi, getScheme('hebei')).findings).map((f) => f.code)).toEqual(['A4.SCORE', 'A4.SCORE', 'A4.SCORE']);
    const fanghuiju = goldenForm('xinjiang-changji-zhengfawei-2021.form-02');
    expect(submissionBlockers(auditForm(fanghuiju, getScheme('national')).findings).filter((f) => f.rule === 'A6')).toHaveLength(3);
    const clean = goldenForm('xinjiang-changji-zhengfawei-2021.form-01');
    expect(submissionBlockers(auditForm(clean, getScheme('national')).findings)).toEqual([]);
  });

  it('the reviewed total replaces the reviewed indicators’ scores, exactly, found by id wherever the rows are', () => {
    const ev = withIndicatorIds(goldenForm('xinjiang-changji-zhengfawei-2021.form-01'));
    const score = scoreEvaluation(ev, getScheme('national'));
    expect(score.total).toBe('100.00');
    expect(reviewedTotal(ev, score, [])).toBeNull();
    const reviews = [
      { indicatorId: 'i1', score: '3.5' },
      { indicatorId: 'i9', score: '9.25' },
    ];
    expect(reviewedTotal(ev, score, reviews)).toBe('98.75');
    // the same indicators in another order: the same reviewed total (a row position would have moved them)
    const reversed = { ...ev, indicators: [...ev.indicators].reverse() };
    expect(reviewedTotal(reversed, scoreEvaluation(reversed, getScheme('national')), reviews)).toBe('98.75');
    // a reviewed indicator no longer on the form counts for nothing
    const without = { ...ev, indicators: ev.indicators.filter((i) => i.id !== 'i9') };
    const s2 = scoreEvaluation(without, getScheme('national'));
    expect(reviewedTotal(without, s2, reviews)).toBe(reviewedTotal(without, s2, [reviews[0]!]));
  });

  it('the reviewed total replaces the budget-execution score by its 复核得分 where the block counts (R7)', () => {
    const ev = withIndicatorIds(goldenForm('xinjiang-changji-zhengfawei-2021.form-01'));
    const score = scoreEvaluation(ev, getScheme('national'));
    expect(budgetReviewMax(score)).toBe('10');
    expect(score.budget.score).toBe('10.00');
    expect(reviewedTotal(ev, score, [{ indicatorId: BUDGET_REVIEW_TARGET, score: '7.5' }])).toBe('97.50');
    expect(
      reviewedTotal(ev, score, [
        { indicatorId: BUDGET_REVIEW_TARGET, score: '7.5' },
        { indicatorId: 'i1', score: '3.5' },
      ]),
    ).toBe('97.00');
    // 宁夏 keeps the block outside the total: nothing to review there, and a stray review changes nothing
    const separate = scoreEvaluation(ev, getScheme('ningxia'));
    expect(budgetReviewMax(separate)).toBeNull();
    expect(reviewedTotal(ev, separate, [{ indicatorId: BUDGET_REVIEW_TARGET, score: '1' }])).toBe(separate.total);
    // no indicator can carry the reserved id
    expect(Indicator.safeParse({ ...ev.indicators[0], id: BUDGET_REVIEW_TARGET }).success).toBe(false);
  });
});

describe('synthetic province', () => {
  it('is deterministic per seed and carries the seeds’ kinds of mistakes', async () => {
    const { syntheticProvince, auditForms } = await import('../src/index.ts');
    const one = [...syntheticProvince(2, 200, 5)];
    const two = [...syntheticProvince(2, 200, 5)];
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(one.map((d) => d.code)).toEqual(['synthetic-001', 'synthetic-002']);
    const rules = new Set(auditForms(one[0]!.forms).findings.map((f) => f.code));
    for (const code of ['A1.GROUP_POINTS', 'A2.SCORE_RANGE', 'A3.ORDER', 'A5.GRADE', 'A9.SAME_GOAL']) expect(rules.has(code), code).toBe(true);
  });
});
