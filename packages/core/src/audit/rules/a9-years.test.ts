/** yearsNamed (a look-back from each 年) finds what the regular expression it replaced finds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '../../values/normalize.ts';
import { yearsNamed } from './a9-copies.ts';

const byRegex = (s: string, year: number) => [...toHalfWidth(s).matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1])).filter((y) => y !== year);

describe('yearsNamed', () => {
  it('names the other years of a cell', () => {
    expect(yearsNamed('2022年12月31日前', 2023)).toEqual([2022]);
    expect(yearsNamed('２０２２ 年底完成，2023年继续', 2023)).toEqual([2022]);
    expect(yearsNamed('2023年12月', 2023)).toEqual([]);
    expect(yearsNamed('12022年', 2023)).toEqual([2022]);
    expect(yearsNamed('1999年', 2023)).toEqual([]);
  });

  it('equals the regular expression on arbitrary text', () => {
    const chars = fc.constantFrom(...'20１２０9年 \u3000\t\n月日前x'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 30 }).map((a) => a.join('')),
        fc.integer({ min: 2000, max: 2099 }),
        (s, y) => {
          expect([...yearsNamed(s, y)]).toEqual(byRegex(s, y));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
