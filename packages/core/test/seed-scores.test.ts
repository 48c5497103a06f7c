/**
 * Every indicator row of the 19 seed forms, scored by the rules (R3–R7) and checked against figures
 * worked out by hand from the rules — not against the claimed scores, which are often wrong.
 * Where the form's claimed score differs, the test asserts that the difference is visible
 * (computed ≠ claimed in the result, with the rule that decided it).
 */
import { describe, expect, it } from 'vitest';
import { getScheme, scoreEvaluation } from '../src/index.ts';
import { goldenForm, goldenForms } from './golden.ts';

const EXPECTED: Record<string, { scores: Array<string | null>; budget: string | null; total: string; grade: string }> = {
  // Hebei: budget execution is an indicator (≥95%) whose actual is the budget block's rate.
  'hebei-dachang-zhengfawei-2023.form-01': {
    scores: ['20.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '100.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-02': {
    scores: ['10.00', '10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '100.00',
    grade: '优',
  },
  // 见义勇为基金: 1÷5×20 = 4; 50÷100×10 = 5; ≤100% met by 50% → 10; 0.5÷1 = 50%, 50÷95×10 = 5.26.
  'hebei-dachang-zhengfawei-2023.form-03': { scores: ['4.00', '5.00', '10.00', '10.00', '30.00', '10.00', '5.26'], budget: null, total: '74.26', grade: '中' },
  'hebei-dachang-zhengfawei-2023.form-04': {
    scores: ['5.00', '20.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '95.00',
    grade: '优',
  },
  // 特困干警补贴: `≤2人` with 0 is met as written (A8 questions the direction); the rest is 0.
  'hebei-dachang-zhengfawei-2023.form-05': { scores: ['20.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'], budget: null, total: '20.00', grade: '差' },
  // Forms 6–11: 产出 rows add to 40 under a heading of 50, so the full marks are 90, not 100.
  'hebei-dachang-zhengfawei-2023.form-06': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-07': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-08': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-09': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-10': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  'hebei-dachang-zhengfawei-2023.form-11': {
    scores: ['10.00', '10.00', '10.00', '10.00', '30.00', '10.00', '10.00'],
    budget: null,
    total: '90.00',
    grade: '优',
  },
  // Ningxia: budget block scored apart, outside the 100 (R7).
  'ningxia-yanchi-xianweiban-2022.form-01': {
    scores: ['5.00', '5.00', '5.00', '5.00', '5.00', '5.00', '5.00', '5.00', '10.00', '10.00', '10.00', '10.00', '20.00'],
    budget: '10.00',
    total: '100.00',
    grade: '优',
  },
  'ningxia-yanchi-xianweiban-2022.form-02': {
    scores: ['10.00', '10.00', '10.00', '10.00', '10.00', '10.00', '10.00', '10.00', '20.00'],
    budget: '10.00',
    total: '100.00',
    grade: '优',
  },
  // 74÷76×9.8 = 9.5421 → 9.54; 成本 `28.272万元` without a symbol is a cost (≤): 21.855 ≤ 28.272 → 10 (the form says 7.7);
  // budget 21.855÷28.272 = 77.30% → 7.73.
  'ningxia-yanchi-xianweiban-2022.form-03': {
    scores: ['9.54', '20.00', '20.00', '10.00', '10.00', '10.00', '20.00'],
    budget: '7.73',
    total: '99.54',
    grade: '优',
  },
  // Yunzhou: met percentage targets get full marks (the form scores them actual% × points);
  // 部分达成 allows 50% ≤ share < 80%: the claimed 12 of 15 is outside it, so the tier's top, 11.99.
  'shanxi-yunzhou-zhengfawei-2022.form-01': {
    scores: ['5.00', '4.90', '4.90', '5.00', '10.00', '9.80', '10.00', '14.25', '11.99', '10.00'],
    budget: '10.00',
    total: '95.84',
    grade: '优',
  },
  'shanxi-yunzhou-zhengfawei-2022.form-02': { scores: ['20.00', '10.00', '9.50', '10.00', '28.50', '10.00'], budget: '10.00', total: '98.00', grade: '优' },
  // 6.695÷7 = 95.64% → 9.56 (RULES R3 example).
  'shanxi-yunzhou-zhengfawei-2022.form-03': { scores: ['20.00', '10.00', '10.00', '10.00', '30.00', '10.00'], budget: '9.56', total: '99.56', grade: '优' },
  'xinjiang-changji-zhengfawei-2021.form-01': {
    scores: ['4.00', '8.00', '6.00', '12.00', '10.00', '10.00', '15.00', '15.00', '10.00'],
    budget: '10.00',
    total: '100.00',
    grade: '优',
  },
  // 充电桩 ≥4个, 0 → 0; `≤13万元` against `13万` → met; claimed total 100 over rows adding to 98.
  'xinjiang-changji-zhengfawei-2021.form-02': {
    scores: ['5.00', '3.00', '5.00', '5.00', '5.00', '5.00', '5.00', '6.00', '0.00', '3.00', '3.00', '3.00', '15.00', '15.00', '10.00'],
    budget: '10.00',
    total: '98.00',
    grade: '优',
  },
};

describe('every seed indicator row, scored by the rules', () => {
  const forms = goldenForms();

  it('covers all 19 forms', () => {
    expect(forms.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { id, evaluation } of forms) {
    it(id, () => {
      const s = scoreEvaluation(evaluation, getScheme(evaluation.schemeId));
      const e = EXPECTED[id]!;
      expect(s.indicators.map((x) => x.score)).toEqual(e.scores);
      expect(s.budget.score).toBe(e.budget);
      expect(s.total).toBe(e.total);
      expect(s.grade).toBe(e.grade);
      for (const x of s.indicators) {
        expect(x.explanation.length).toBeGreaterThan(5);
        if (x.score !== null && x.claimed !== null && Number(x.score) !== Number(x.claimed)) {
          // the difference is reported, with the rule that decided
          expect(x.basis).toBe('rule');
          expect(x.rule).toMatch(/^R[46]/);
        }
      }
    });
  }
});

describe('the seeds’ scoring mistakes, one by one', () => {
  it('Hebei 见义勇为基金: form says 70, the rules say 74.26; four rows differ', () => {
    const ev = goldenForm('hebei-dachang-zhengfawei-2023.form-03');
    const s = scoreEvaluation(ev, getScheme('hebei'));
    expect(s.claimedTotal).toBe('70');
    const differ = s.indicators.filter((x) => Number(x.score) !== Number(x.claimed));
    expect(differ.map((x) => [ev.indicators[x.index]!.name.raw, x.claimed, x.score])).toEqual([
      ['人次', '5', '4.00'],
      ['成本控制率', '5', '10.00'],
      ['预算执行进度', '5', '5.26'],
    ]);
    expect(s.indicators[0]!.explanation).toBe('正向指标：实际 1 ÷ 目标 5 × 20分 = 4.00分');
  });

  it('Yunzhou 雪亮工程: met `≥90%` with `≥95%` is full marks, not 95% × 10', () => {
    const s = scoreEvaluation(goldenForm('shanxi-yunzhou-zhengfawei-2022.form-01'), getScheme('national'));
    const sat = s.indicators[9]!;
    expect([sat.claimed, sat.score, sat.rule]).toEqual(['9.5', '10.00', 'R4.positive']);
    expect(sat.explanation).toContain('按 95 计');
  });

  it('Ningxia 政务内网: the budget score is recomputed exactly, not from the rounded 77%', () => {
    const s = scoreEvaluation(goldenForm('ningxia-yanchi-xianweiban-2022.form-03'), getScheme('ningxia'));
    expect(s.budget.ratePercent).toBe('77.30');
    expect([s.budget.claimedScore, s.budget.score, s.budget.inTotal]).toEqual(['7.7', '7.73', false]);
  });

  it('qualitative rows the rule cannot decide keep the claimed score and say so', () => {
    const s = scoreEvaluation(goldenForm('xinjiang-changji-zhengfawei-2021.form-01'), getScheme('national'));
    const row = s.indicators[6]!;
    expect(row.basis).toBe('claimed');
    expect(row.explanation).toContain('需评价人选择档次');
    expect(s.manualCount).toBe(2);
  });
});
