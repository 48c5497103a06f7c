import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatText } from './flat-text.ts';

describe('flatText', () => {
  it('returns the text it is given, whatever its pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('正向指标：实际 ', '÷', ' 目标 ', '分', '（', '）', ''))), (pieces) => {
        const built = pieces.reduce((s, p) => `${s}${p}`, '');
        return flatText(built) === pieces.join('');
      }),
      { numRuns: 2000 },
    );
  });
  it('an empty text stays empty', () => {
    expect(flatText('')).toBe('');
  });
});
