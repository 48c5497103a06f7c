import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasText } from './normalize.ts';

describe('hasText', () => {
  it('says what s.trim() !== "" says, on any text', () => {
    // whitespace of every kind trim() knows, mixed with ideographs and ASCII
    const unit = fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u2003', 'a', '无', '0', '，', '、');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(unit).map((u) => u.join('')),
        ),
        (s) => hasText(s) === (s.trim() !== ''),
      ),
      { numRuns: 5000 },
    );
  });
  it('examples', () => {
    expect(hasText('')).toBe(false);
    expect(hasText('\u3000 \n')).toBe(false);
    expect(hasText('\u3000无偏差')).toBe(true);
    expect(hasText('按计划完成')).toBe(true);
  });
});
