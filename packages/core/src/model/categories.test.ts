/** Canonical names of the indicator tree from however a form writes them (R8; issue 21's regional forms). */
import { describe, expect, it } from 'vitest';
import { canonicalLevel1, canonicalLevel2, declaredPoints } from './categories.ts';

describe('canonicalLevel1 (issue 21)', () => {
  it('reads a level written with 值 for 指标 (山东 临邑: 产出值, 效益值) as the 指标 it names', () => {
    expect(canonicalLevel1('产出值')).toBe('产出指标');
    expect(canonicalLevel1('效益值')).toBe('效益指标');
    expect(canonicalLevel1('满意度值')).toBe('满意度指标');
    // the 二级 names too, as the lint reads them
    expect(['数量值', '成本值', '经济效益值', '可持续影响值'].map(canonicalLevel2)).toEqual(['数量指标', '成本指标', '经济效益指标', '可持续影响指标']);
  });

  it('reads a 一级 cell with a declared range of points (重庆: 成本指标(0-20)分) as its level, the range no points', () => {
    expect(canonicalLevel1('成本指标(0-20)分')).toBe('成本指标');
    expect(canonicalLevel1('产出指标\n(40-50)分')).toBe('产出指标');
    expect(canonicalLevel1('其他指标（0-10）分')).toBe('其他指标');
    expect(declaredPoints('成本指标(0-20)分')).toBeNull();
  });
});
