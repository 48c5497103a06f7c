/** Numbers within the domain (issue 24): bounds on the text alone, and huge digit strings refused before any arithmetic. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundEvaluation, Evaluation } from '../index.ts';
import { withinBounds } from './bounds.ts';
import { parseNumberCell, parseValue } from './parse-value.ts';

const golden = (f: string) => Evaluation.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../fixtures/golden', f), 'utf8')));

describe('bounds', () => {
  it('money below 10⁹ 万元, points below 1000 分, rates below 10⁶ %', () => {
    expect(withinBounds('money', '999999999.99')).toBe(true);
    expect(withinBounds('money', '1000000000')).toBe(false);
    expect(withinBounds('money', '1' + '0'.repeat(25))).toBe(false);
    expect(withinBounds('money', '-16.94')).toBe(true);
    expect(withinBounds('money', '0000016.94')).toBe(true);
    expect(withinBounds('points', '100')).toBe(true);
    expect(withinBounds('points', '1000')).toBe(false);
    expect(withinBounds('rate', '95.64')).toBe(true);
    expect(withinBounds('rate', '1000000')).toBe(false);
  });

  it('a million digits is refused in well under a second, before any arithmetic', () => {
    const huge = '9'.repeat(1_000_000);
    const t0 = performance.now();
    expect(parseNumberCell(huge)).toBeNull();
    expect(parseValue(`≥${huge}`)).toMatchObject({ kind: 'unparseable', reason: expect.stringContaining('位') });
    expect(withinBounds('money', huge)).toBe(false);
    expect(Evaluation.safeParse({ ...golden('hebei-dachang-zhengfawei-2023.form-01.json'), claimed: { total: { raw: huge, value: huge } } }).success).toBe(
      false,
    );
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('the model refuses out-of-range money, points, years and over-long names (R2 points, 1990–2100)', () => {
    const ev = golden('hebei-dachang-zhengfawei-2023.form-01.json');
    const bad = [
      { ...ev, year: -5 },
      { ...ev, year: 99_999_999 },
      { ...ev, project: { ...ev.project, name: { raw: '项'.repeat(201) } } },
      { ...ev, budget: { ...ev.budget, lines: [{ ...ev.budget.lines[0]!, adjusted: { raw: '1e25', value: '1' + '0'.repeat(25) } }] } },
      { ...ev, indicators: [{ ...ev.indicators[0]!, points: { raw: '5000', value: '5000' } }] },
    ];
    for (const b of bad) expect(Evaluation.safeParse(b).success).toBe(false);
    expect(Evaluation.safeParse(ev).success).toBe(true);
  });

  it('boundEvaluation: an imported figure out of range becomes no number, with a note; the raw text stays', () => {
    const ev = golden('hebei-dachang-zhengfawei-2023.form-01.json');
    ev.budget.lines[0]!.adjusted = { raw: '1' + '0'.repeat(25), value: '1' + '0'.repeat(25) };
    ev.indicators[0]!.claimedScore = { raw: '99999', value: '99999' };
    ev.year = 99999;
    const issues = boundEvaluation(ev);
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['IMPORT.YEAR_OUT_OF_RANGE', 'year'],
      ['IMPORT.VALUE_OUT_OF_RANGE', 'budget.lines[0].adjusted'],
      ['IMPORT.VALUE_OUT_OF_RANGE', 'indicators[0].claimedScore'],
    ]);
    expect(ev.budget.lines[0]!.adjusted).toEqual({ raw: '1' + '0'.repeat(25), value: null });
    expect(ev.year).toBeNull();
    expect(Evaluation.safeParse(ev).success).toBe(true);
    expect(boundEvaluation(golden('hebei-dachang-zhengfawei-2023.form-02.json'))).toEqual([]);
  });
});
