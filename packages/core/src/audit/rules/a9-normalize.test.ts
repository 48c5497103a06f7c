/** The one-pass copy key equals the regex one on the seeds' texts and on arbitrary strings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForCompare, normalizeForCompareByRegex } from './a9-copies.ts';

describe('normalizeForCompare', () => {
  it('keeps what identifies a text and drops numbering, spaces, punctuation and symbols', () => {
    expect(normalizeForCompare('指标1: 办文办会')).toBe('办文办会');
    expect(normalizeForCompare('１、保障社会治安 的和谐稳定！')).toBe('保障社会治安的和谐稳定');
    expect(normalizeForCompare('  2. Ｗi-Fi覆盖率≥95%')).toBe('wifi覆盖率95');
  });

  it('equals the regex version on arbitrary text (full-width, CJK, symbols, surrogates)', () => {
    const chars = fc.constantFrom(...'指标12：:、.．。，,！!（）()《》【】 \u3000\t\nＡａＺ０９AZaz%％≥≤＝=+－-·…“”‘’"\'𠀀😀É é ñ ß'.split(''), '𠀀', '😀');
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (s) => normalizeForCompare(s) === normalizeForCompareByRegex(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => normalizeForCompare(s) === normalizeForCompareByRegex(s)), { numRuns: 3000 });
  });
});
