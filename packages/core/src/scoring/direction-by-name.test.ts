/**
 * Issue 21, item 5: an unsigned target of a rate that is better lower is scored as reverse (R4), or the
 * scorer abstains and says why; "higher is better" is never assumed against the indicator's own name.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../model/evaluation.ts';
import { getScheme } from '../scheme/registry.ts';
import { directionByName } from './direction-by-name.ts';
import { scoreIndicator } from './score-indicator.ts';

const national = getScheme('national');
const ind = (name: string, target: string, actual: string, points: string, level2 = '质量指标'): Indicator => ({
  level1: '产出指标',
  level2: { raw: level2 },
  name: { raw: name },
  points: { raw: points, value: points },
  target: { raw: target },
  actual: { raw: actual },
  claimedScore: { raw: '', value: null },
});

describe('directionByName', () => {
  it.each(['项目资金结转结余率', '预算调整率', '经费超支率', '安全事故率', '群众投诉率', '贫困发生率', '设备故障率', '指标2：贷款逾期率（%）', '工程不合格率'])(
    '%s is better lower',
    (name) => {
      expect(directionByName(name)?.op).toBe('<=');
    },
  );
  it('the 控制率 of a cost is better lower; another 控制率 cannot be told', () => {
    expect(directionByName('项目成本控制率')?.op).toBe('<=');
    expect(directionByName('运维经费支出控制率')?.op).toBe('<=');
    const d = directionByName('传染病疫情控制率');
    expect(d).toMatchObject({ op: null });
    expect(d!.why).toContain('无法确定方向');
  });
  it('a fall of such a rate, and rates better higher, say nothing here', () => {
    expect(directionByName('投诉率下降幅度')).toBeNull();
    expect(directionByName('事故发生率降低')).toBeNull();
    expect(directionByName('验收合格率')).toBeNull();
    expect(directionByName('资金拨付及时率')).toBeNull();
    expect(directionByName('投诉办结率')).toBeNull();
  });
});

describe('scoring an unsigned target by the name (R4)', () => {
  it('结转结余率 5% with 3% actual: reverse, full marks (not 3 ÷ 5 × w)', () => {
    const s = scoreIndicator(ind('项目资金结转结余率', '5%', '3%', '10', '社会效益指标'), 0, national);
    expect(s).toMatchObject({ score: '10.00', rule: 'R4.reverse', direction: '<=' });
    expect(s.explanation).toContain('越低越好');
  });
  it('投诉率 2% with 4% actual: A ÷ B × w', () => {
    expect(scoreIndicator(ind('群众投诉率', '2%', '4%', '10'), 0, national)).toMatchObject({ score: '5.00', rule: 'R4.reverse' });
  });
  it('an ambiguous 控制率 is not scored by ratio, and the explanation says why', () => {
    const s = scoreIndicator(ind('传染病疫情控制率', '95%', '97%', '10'), 0, national);
    expect(s).toMatchObject({ score: null, basis: 'none' });
    expect(s.explanation).toContain('请在目标前写明');
  });
  it('a written symbol is what counts, whatever the name', () => {
    expect(scoreIndicator(ind('群众投诉率', '≥2%', '4%', '10'), 0, national)).toMatchObject({ score: '10.00', rule: 'R4.positive' });
  });
  it('a name that says nothing keeps the scheme default by 二级 (成本 ≤, others ≥)', () => {
    expect(scoreIndicator(ind('培训人次', '100', '80', '10', '数量指标'), 0, national)).toMatchObject({ score: '8.00', rule: 'R4.positive' });
    expect(scoreIndicator(ind('人均培训费', '100', '125', '10', '成本指标'), 0, national)).toMatchObject({ score: '8.00', rule: 'R4.reverse' });
  });
});
