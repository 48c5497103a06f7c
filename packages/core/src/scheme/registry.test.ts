import { describe, expect, it } from 'vitest';
import national from '../schemes/national.json' with { type: 'json' };
import { BUILTIN_SCHEMES, getScheme, parseScheme, SchemeError } from './registry.ts';
import { gradeOf } from '../scoring/grade.ts';

describe('schemes as data', () => {
  it('ships the national, Hebei and Ningxia schemes', () => {
    expect([...BUILTIN_SCHEMES.keys()].sort()).toEqual(['hebei', 'national', 'ningxia']);
    expect(getScheme('national').weights.map((w) => `${w.level1}${w.points}`)).toEqual(['产出指标50', '效益指标30', '满意度指标10']);
    expect(getScheme('ningxia').budget).toEqual({ mode: 'separate', points: '10' });
    expect(getScheme('hebei').budget).toMatchObject({ mode: 'indicator', target: '≥95%' });
  });

  it('a region’s scheme is one more JSON document: 80/70/60 grades, no code', () => {
    const s = parseScheme({
      ...national,
      id: 'province-x',
      grades: [
        { grade: '优', min: '80' },
        { grade: '良', min: '70' },
        { grade: '中', min: '60' },
        { grade: '差', min: '0' },
      ],
    });
    expect(gradeOf('85', s)).toBe('优');
    expect(gradeOf('85', getScheme('national'))).toBe('良');
  });

  it('R1 grade boundaries', () => {
    const n = getScheme('national');
    expect(['90', '89.99', '80', '79.99', '60', '59.99', '0'].map((t) => gradeOf(t, n))).toEqual(['优', '良', '良', '中', '中', '差', '差']);
  });

  it('rejects bad scheme data with a code and the field', () => {
    expect(() => parseScheme({ ...national, decimals: 9 })).toThrow(SchemeError);
    expect(() => parseScheme({ ...national, grades: [{ grade: '优', min: '90' }] })).toThrow(/下限必须为 0/);
    expect(() => getScheme('nowhere')).toThrow(/未知的评分方案/);
    try {
      parseScheme({ ...national, total: 'abc' });
    } catch (e) {
      expect((e as SchemeError).code).toBe('SCHEME.INVALID');
      expect((e as Error).message).toContain('total');
    }
  });
});
