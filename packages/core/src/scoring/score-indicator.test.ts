import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../model/evaluation.ts';
import { getScheme } from '../scheme/registry.ts';
import { Dec } from '../values/decimal.ts';
import { scoreIndicator } from './score-indicator.ts';

const national = getScheme('national');

function ind(target: string, actual: string, points: string, opts: { level2?: string; claimed?: string } = {}): Indicator {
  return {
    level1: '产出指标',
    level2: { raw: opts.level2 ?? '数量指标' },
    name: { raw: 't' },
    points: { raw: points, value: points },
    target: { raw: target },
    actual: { raw: actual },
    claimedScore: { raw: opts.claimed ?? '', value: opts.claimed ?? null },
  };
}
const score = (t: string, a: string, w: string, o?: { level2?: string; claimed?: string }) => scoreIndicator(ind(t, a, w, o), 0, national);

describe('R4 quantitative', () => {
  it('positive: met → full, short → B ÷ A × w', () => {
    expect(score('≥95%', '98%', '10').score).toBe('10.00');
    expect(score('≥5', '1', '20')).toMatchObject({ score: '4.00', rule: 'R4.positive', explanation: '正向指标：实际 1 ÷ 目标 5 × 20分 = 4.00分' });
  });

  it('reverse: met → full, over → A ÷ B × w, B = 0 → full', () => {
    expect(score('≤100万元', '80万元', '10').score).toBe('10.00');
    expect(score('≤100万元', '125万元', '10')).toMatchObject({ score: '8.00', rule: 'R4.reverse' });
    expect(score('≤5', '0', '10').score).toBe('10.00');
  });

  it('equality: short → B ÷ A × w; above → full with an over-completion mark (R5)', () => {
    expect(score('=100%', '50%', '10').score).toBe('5.00');
    const over = score('=10个', '13个', '10');
    expect(over.score).toBe('10.00');
    expect(over.overCompletion).toBe('0.3');
    expect(over.explanation).toContain('R5');
  });

  it('over-completion beyond 20% of a positive target is marked, within it is not', () => {
    expect(score('≥10', '13', '10').overCompletion).toBe('0.3');
    expect(score('≥10', '12', '10').overCompletion).toBeNull();
  });

  it('A = 0 cannot be scored by ratio', () => {
    const s = score('≤0', '5', '10');
    expect(s.score).toBeNull();
    expect(s.explanation).toContain('目标为 0');
    expect(score('=0', '0', '10').score).toBe('10.00');
  });

  it('negative figures are not scored by ratio', () => {
    expect(score('≥5', '-1', '10').explanation).toContain('负数');
  });

  it('lists: each part positive, points shared equally, overshoot counted as met', () => {
    const s = score('分别为10路、20套', '分别为5路、30套', '10');
    // (5/10 + 1) ÷ 2 × 10 = 7.5
    expect(s).toMatchObject({ score: '7.50', rule: 'R4.list', completion: '0.75' });
    expect(score('分别为10路、20套', '分别为5路', '10').score).toBeNull();
  });

  it('rounds half up once, at the end: 2 ÷ 3 × 10 = 6.666… → 6.67; 0.125 → 0.13', () => {
    expect(score('≥3', '2', '10').score).toBe('6.67');
    expect(score('≥8', '1', '1').score).toBe('0.13');
  });

  it('no symbol: 成本指标 defaults to reverse, others to positive (scheme data)', () => {
    expect(score('28.272万元', '21.855万元', '10', { level2: '成本指标' })).toMatchObject({ score: '10.00', rule: 'R4.reverse' });
    expect(score('76条', '74条', '9.8')).toMatchObject({ score: '9.54', rule: 'R4.positive' });
  });

  it('converts 元 and 万元 before comparing', () => {
    expect(score('≤3.4万元', '32500元', '10').score).toBe('10.00');
  });

  it('different units cannot be compared: no score, and a reason', () => {
    const s = score('≥5人', '5次', '10');
    expect(s.score).toBeNull();
    expect(s.explanation).toContain('不一致');
  });

  it('an adjusted target (调整后指标值) counts instead of the initial one', () => {
    const i = { ...ind('≥10', '8', '10'), targetAdjusted: { raw: '≥8' } };
    expect(scoreIndicator(i, 0, national)).toMatchObject({ score: '10.00', targetUsed: 'adjusted' });
  });
});

describe('R6 qualitative', () => {
  it('same word → 达成, the claimed score stands inside the tier, else the top', () => {
    expect(score('显著', '显著', '30', { claimed: '27' })).toMatchObject({ score: '27.00', tier: 'met' });
    expect(score('显著', '显著', '30', { claimed: '20' })).toMatchObject({ score: '30.00', tier: 'met' });
    expect(score('显著', '显著', '30').score).toBe('30.00');
  });

  it('tiers: 部分达成 [50%, 80%), 未达成 [0, 50%)', () => {
    expect(score('及时', '部分达成预期指标并具有一定效果', '10', { claimed: '6' }).score).toBe('6.00');
    expect(score('及时', '部分达成预期指标并具有一定效果', '10', { claimed: '8' }).score).toBe('7.99');
    expect(score('及时', '未达成预期指标且效果较差', '10').score).toBe('4.99');
  });

  it('a different word is not guessed: the claimed score stands, clamped to [0, w]', () => {
    expect(score('逐步提高', '92%', '15', { claimed: '15' })).toMatchObject({ score: '15.00', basis: 'claimed' });
    expect(score('逐步提高', '不断提升', '15', { claimed: '20' })).toMatchObject({ score: '15.00', basis: 'claimed' });
    expect(score('逐步提高', '不断提升', '15')).toMatchObject({ score: null, basis: 'none' });
  });

  it('dates: on or before the deadline is met', () => {
    expect(score('12月20日', '12月1日', '10').tier).toBe('met');
    expect(score('2022年/全年', '2022年/全年', '10').tier).toBe('met');
    expect(score('12月20日', '12月25日', '10', { claimed: '5' }).basis).toBe('claimed');
  });

  it('not applicable rows are not scored (R2)', () => {
    expect(scoreIndicator({ ...ind('≥1', '1', '10'), notApplicable: true }, 0, national)).toMatchObject({ score: null, rule: 'R2.not-applicable' });
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Dec(n).dividedBy(100).toFixed());
  const positive = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Dec(n).dividedBy(100).toFixed());
  const points = fc.integer({ min: 1, max: 5000 }).map((n) => new Dec(n).dividedBy(100).toFixed());
  const op = fc.constantFrom('≥', '≤', '=', '>', '<', '');

  it('0 ≤ score ≤ points, for any target, actual and direction', () => {
    fc.assert(
      fc.property(op, positive, amount, points, (o, a, b, w) => {
        const s = score(`${o}${a}`, b, w);
        if (s.score === null) return true;
        return new Dec(s.score).greaterThanOrEqualTo(0) && new Dec(s.score).lessThanOrEqualTo(w);
      }),
      { numRuns: 2000 },
    );
  });

  it('positive indicators never score less when the actual grows', () => {
    fc.assert(
      fc.property(positive, amount, amount, points, (a, b1, b2, w) => {
        const [lo, hi] = new Dec(b1).lessThanOrEqualTo(b2) ? [b1, b2] : [b2, b1];
        return new Dec(score(`≥${a}`, hi, w).score!).greaterThanOrEqualTo(score(`≥${a}`, lo, w).score!);
      }),
      { numRuns: 2000 },
    );
  });

  it('reverse indicators never score more when the actual grows', () => {
    fc.assert(
      fc.property(positive, positive, positive, points, (a, b1, b2, w) => {
        const [lo, hi] = new Dec(b1).lessThanOrEqualTo(b2) ? [b1, b2] : [b2, b1];
        return new Dec(score(`≤${a}`, hi, w).score!).lessThanOrEqualTo(score(`≤${a}`, lo, w).score!);
      }),
      { numRuns: 2000 },
    );
  });
});
