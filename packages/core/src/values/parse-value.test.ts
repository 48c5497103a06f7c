import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.ts';
import { commensurate, parseNumberCell, parseValue } from './parse-value.ts';

const q = (raw: string) => {
  const v = parseValue(raw);
  if (v.kind !== 'quantity') throw new Error(`${raw} → ${JSON.stringify(v)}`);
  return { op: v.op, value: v.value, unit: v.unit, approximate: v.approximate };
};

describe('parseValue: comparisons, numbers and units (RULES §2)', () => {
  it.each([
    ['≥95%', '>=', '95', '%'],
    ['≧95%', '>=', '95', '%'],
    ['>=2', '>=', '2', ''],
    ['＞=90%', '>=', '90', '%'],
    ['<=100', '<=', '100', ''],
    ['≤343.83万元', '<=', '343.83', '万元'],
    ['＝1629条', '=', '1629', '条'],
    ['=29元/月/台', '=', '29', '元/月/台'],
    ['＝3.69万元/人', '=', '3.69', '万元/人'],
    ['＞5', '>', '5', ''],
    ['＜5', '<', '5', ''],
    ['76条', null, '76', '条'],
    ['１００％', null, '100', '%'],
    ['1 629 条', null, '1629', '条'],
    ['1,629条', null, '1629', '条'],
    ['100%.', null, '100', '%'],
    ['不低于95%', '>=', '95', '%'],
    ['不超过13万元', '<=', '13', '万元'],
    ['95%以上', '>=', '95', '%'],
    ['12个月', null, '12', '个月'],
    ['-5', null, '-5', ''],
  ])('%s', (raw, op, value, unit) => {
    expect(q(raw)).toEqual({ op, value, unit, approximate: false });
  });

  it('flags approximate values and never rounds them', () => {
    expect(q('30余次')).toEqual({ op: null, value: '30', unit: '次', approximate: true });
    expect(q('约30次')).toEqual({ op: null, value: '30', unit: '次', approximate: true });
    expect(q('30次左右')).toEqual({ op: null, value: '30', unit: '次', approximate: true });
    expect(q('30多人')).toEqual({ op: null, value: '30', unit: '人', approximate: true });
  });

  it('keeps every digit (decimal, not float)', () => {
    expect(q('0.1000000000000000055511151231257827')).toMatchObject({ value: '0.1000000000000000055511151231257827' });
  });
});

describe('parseValue: qualitative, tiers, dates and lists', () => {
  it('reads the three tiers of R6 in their wordings', () => {
    expect(parseValue('达成预期指标')).toMatchObject({ kind: 'tier', tier: 'met' });
    expect(parseValue('达成年度指标')).toMatchObject({ kind: 'tier', tier: 'met' });
    expect(parseValue('部分达成预期指标并具有一定效果')).toMatchObject({ kind: 'tier', tier: 'partial' });
    expect(parseValue('未达成预期指标且效果较差')).toMatchObject({ kind: 'tier', tier: 'unmet' });
    expect(parseValue('未完成预期指标')).toMatchObject({ kind: 'tier', tier: 'unmet' });
  });

  it('reads words as qualitative', () => {
    for (const w of ['显著', '及时', '逐步提高', '正常开展', '长期', '持续提升', '满意'])
      expect(parseValue(w)).toEqual({ kind: 'word', raw: w, word: w, year: null });
    expect(parseValue('2022年按时完成')).toMatchObject({ kind: 'word', word: '按时完成', year: 2022 });
  });

  it('reads dates and periods', () => {
    expect(parseValue('12月20日')).toMatchObject({ kind: 'date', year: null, month: 12, day: 20, deadline: false });
    expect(parseValue('2023年12月31日前')).toMatchObject({ kind: 'date', year: 2023, month: 12, day: 31, deadline: true });
    expect(parseValue('2022年/全年')).toMatchObject({ kind: 'date', year: 2022, wholeYear: true });
    expect(parseValue('2023年6月底')).toMatchObject({ kind: 'date', year: 2023, month: 6, day: null });
  });

  it('reads lists of parts', () => {
    const v = parseValue('分别为564路、50套、8套、10套');
    expect(v.kind).toBe('list');
    if (v.kind === 'list') expect(v.parts.map((p) => p.value + p.unit)).toEqual(['564路', '50套', '8套', '10套']);
    expect(parseValue('1个区级、10个乡镇、128个村级')).toMatchObject({ kind: 'list' });
  });

  it('treats prose with commas as a word, not a list', () => {
    expect(parseValue('保障网格员生命安全，维护稳定')).toMatchObject({ kind: 'word' });
  });
});

describe('parseValue: bad input is unparseable with a reason, never a guess, never a throw', () => {
  it.each(['约三成', '≥', '--5', '1e309', '三个', '大约一半', '≥约', '12.3.4', '+-5', '。'])('%s', (raw) => {
    const v = parseValue(raw);
    expect(v.kind).toBe('unparseable');
    if (v.kind === 'unparseable') expect(v.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('empty cells and dashes are empty', () => {
    for (const raw of ['', '  ', '\u3000', '—', '/', '无']) expect(parseValue(raw).kind).toBe('empty');
  });

  it('an invalid calendar date is not a date', () => {
    expect(parseValue('13月40日').kind).not.toBe('date');
  });
});

describe('parseNumberCell and commensurate', () => {
  it('reads figure cells', () => {
    expect(parseNumberCell('10.00分')).toBe('10');
    expect(parseNumberCell('１７')).toBe('17');
    expect(parseNumberCell('100　')).toBe('100');
    expect(parseNumberCell('99.6%')).toBe('99.6');
    expect(parseNumberCell('—')).toBeNull();
    expect(parseNumberCell('分')).toBeNull();
  });

  it('converts 元 and 万元, and a bare magnitude takes the other unit', () => {
    const r = commensurate({ value: '343.83', unit: '万元', approximate: false }, { value: '3435700', unit: '元', approximate: false });
    expect(r.ok && [r.a, r.b]).toEqual(['3438300.00', '3435700']);
    const m = commensurate({ value: '13', unit: '万元', approximate: false }, { value: '13', unit: '万', approximate: false });
    expect(m.ok && [m.a, m.b]).toEqual(['130000', '130000']);
  });

  it('reads a bare number against a percentage as a percentage, and says so', () => {
    const r = commensurate({ value: '95', unit: '%', approximate: false }, { value: '98', unit: '', approximate: false });
    expect(r.ok && r.note).toMatch(/百分数/);
  });

  it('refuses to compare different units', () => {
    const r = commensurate({ value: '5', unit: '人', approximate: false }, { value: '5', unit: '次', approximate: false });
    expect(r.ok).toBe(false);
  });
});

describe('the fast path for simple cells gives what the general parser gives', () => {
  it.each(['≥95%', '＝1629条', '23次', '100', '0.50', '007', '≤343.83万元', '=29', '>5', '＜5', '100.00'])('%s', (raw) => {
    const v = parseValue(raw);
    expect(v.kind).toBe('quantity');
    if (v.kind === 'quantity') expect(v.value).toBe(new Dec(raw.replace(/^[^\d]+/, '').replace(/[^\d.]+$/, '')).toFixed());
  });
});
