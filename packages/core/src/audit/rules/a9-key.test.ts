/** The one-pass copy key equals the regex one, and the fingerprint is that of the key, on arbitrary strings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintOfKey, normalizeForCompare, normalizeForCompareByRegex } from './a9-key.ts';

describe('normalizeForCompare', () => {
  it('keeps what identifies a text and drops numbering, spaces, punctuation and symbols', () => {
    expect(normalizeForCompare('指标1: 办文办会')).toBe('办文办会');
    expect(normalizeForCompare('１、保障社会治安 的和谐稳定！')).toBe('保障社会治安的和谐稳定');
    expect(normalizeForCompare('  2. Ｗi-Fi覆盖率≥95%')).toBe('wifi覆盖率95');
  });

  it('equals the regex version on arbitrary text (full-width, CJK, symbols, surrogates)', () => {
    const chars = fc.constantFrom(...'指标12：:、.．。，,！!（）()《》【】 \u3000\t\nＡａＺ０９AZaz%％≥≤＝=+－-·…“”‘’"\'𠀀😀É é ñ ß'.split(''), '𠀀', '😀');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((a) => a.join('')),
        (s) => normalizeForCompare(s) === normalizeForCompareByRegex(s),
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => normalizeForCompare(s) === normalizeForCompareByRegex(s)),
      { numRuns: 3000 },
    );
  });
});

describe('fingerprint', () => {
  const chars = fc.constantFrom(
    ...'指标12：:、.．。，,！!（）()《》【】 \u3000\t\nＡａＺ０９AZaz%％≥≤＝=+－-·…“”‘’"\'É é ñ ßİ保障社会治安'.split(''),
    '𠀀',
    '😀',
  );
  const text = fc.array(chars, { maxLength: 40 }).map((a) => a.join(''));

  it('is the fingerprint of the key, computed without building it', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 12 }), (s, min) => fingerprint(s, min) === fingerprintOfKey(normalizeForCompare(s), min)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => fingerprint(s, 0) === fingerprintOfKey(normalizeForCompare(s), 0)),
      { numRuns: 3000 },
    );
  });

  it('is -1 below the minimum length of the key, and equal for texts that differ only in what the key drops', () => {
    expect(fingerprint('办文办会', 8)).toBe(-1);
    expect(fingerprint('保障社会治安的和谐稳定', 8)).toBeGreaterThanOrEqual(0);
    expect(fingerprint('保障社会治安 的和谐稳定！', 8)).toBe(fingerprint('１、保障社会治安的和谐稳定', 8));
    expect(fingerprint('保障社会治安的和谐稳定', 8)).not.toBe(fingerprint('保障社会治安的和諧稳定', 8));
  });
});
