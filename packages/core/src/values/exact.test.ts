import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import DecimalJs from 'decimal.js';
import { Dec } from './decimal.ts';

// The reference: decimal.js at 200 digits, multiplying before dividing, so that its one rounding
// (of the quotient) cannot move the result at the places compared. At 40 digits decimal.js itself
// rounds a ÷ b before × c and can be off by one unit (e.g. 728927.3 ÷ -0.06 × 191.4885 at 3 places).
const Wide = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP });
import { add, cmp, cmpDistance, cmpProducts, isNegative, isZero, mulDiv, round, sub, times, trim } from './exact.ts';

const decimal = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([m, s]) => new Dec(m).dividedBy(new Dec(10).pow(s)).toFixed());
const nonZero = decimal.filter((d) => !new Dec(d).isZero());

describe('exact BigInt arithmetic agrees with decimal.js (ROUND_HALF_UP)', () => {
  it('mulDiv: a ÷ b × c rounded once', () => {
    fc.assert(
      fc.property(decimal, nonZero, decimal, fc.integer({ min: 0, max: 6 }), (a, b, c, p) => {
        const want = new Wide(a).times(c).dividedBy(b).toDecimalPlaces(p, Wide.ROUND_HALF_UP);
        const got = mulDiv([a, c], [b], p);
        return new Dec(got).equals(want) && got.split('.')[1]?.length === (p || undefined);
      }),
      { numRuns: 3000 },
    );
  });
  it('cmp, add, sub, round', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        return (
          cmp(a, b) === new Dec(a).comparedTo(b) &&
          new Dec(add([a, b])).equals(new Dec(a).plus(b)) &&
          new Dec(sub(a, b)).equals(new Dec(a).minus(b)) &&
          new Dec(round(a, 1)).equals(new Dec(a).toDecimalPlaces(1, Dec.ROUND_HALF_UP))
        );
      }),
      { numRuns: 3000 },
    );
  });
  it('examples', () => {
    expect(mulDiv(['1', '20'], ['5'], 2)).toBe('4.00');
    expect(mulDiv(['74', '9.8'], ['76'], 2)).toBe('9.54');
    expect(mulDiv(['1'], ['8'], 2)).toBe('0.13');
    expect(mulDiv(['2', '10'], ['3'], 2)).toBe('6.67');
    expect(trim('10.00')).toBe('10');
    expect(trim('4.50')).toBe('4.5');
  });
});

describe('the double fast path agrees with the BigInt path', () => {
  it('on small and large operands alike', () => {
    const small = fc
      .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }))
      .map(([m, s]) => new Dec(m).dividedBy(new Dec(10).pow(s)).toFixed());
    const positive = small.filter((d) => !new Dec(d).isZero());
    fc.assert(
      fc.property(small, positive, small, fc.integer({ min: 0, max: 6 }), (a, b, c, p) => {
        const want = new Wide(a).times(c).dividedBy(b).toDecimalPlaces(p, Wide.ROUND_HALF_UP);
        const got = mulDiv([a, c], [b], p);
        return new Wide(got).equals(want);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the double fast paths of add, sub, times and cmp agree with the BigInt path', () => {
  // operands of up to 16 characters take the double path; longer ones, and sums past 2⁵³, the BigInt one
  const anyDecimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
    .map(([m, s]) => new Wide(m.toString()).dividedBy(new Wide(10).pow(s)).toFixed());
  it('add, sub, times, cmp, isZero, isNegative, trim', () => {
    fc.assert(
      fc.property(fc.array(anyDecimal, { minLength: 1, maxLength: 6 }), anyDecimal, (xs, b) => {
        const a = xs[0]!;
        const sum = xs.reduce((s, x) => s.plus(x), new Wide(0));
        return (
          new Wide(add(xs)).equals(sum) &&
          cmp(a, b) === new Wide(a).comparedTo(b) &&
          cmpProducts(xs, [b, a]) === xs.reduce((p, x) => p.times(x), new Wide(1)).comparedTo(new Wide(b).times(a)) &&
          cmpDistance(a, b, xs[xs.length - 1]!.replace('-', '')) ===
            new Wide(a)
              .minus(b)
              .abs()
              .comparedTo(xs[xs.length - 1]!.replace('-', '')) &&
          cmpDistance(a, b, xs[xs.length - 1]!.replace('-', ''), 2) ===
            new Wide(a)
              .times(100)
              .minus(b)
              .abs()
              .comparedTo(xs[xs.length - 1]!.replace('-', '')) &&
          new Wide(sub(a, b)).equals(new Wide(a).minus(b)) &&
          new Wide(times(a, b)).equals(new Wide(a).times(b)) &&
          isZero(a) === new Wide(a).isZero() &&
          isNegative(a) === (new Wide(a).isNegative() && !new Wide(a).isZero()) &&
          new Wide(trim(a)).equals(a)
        );
      }),
      { numRuns: 5000 },
    );
  });
  it('keeps the scale the BigInt path gives', () => {
    expect(add(['1.50', '2'])).toBe('3.50');
    expect(sub('10', '2.25')).toBe('7.75');
    expect(sub('0.1', '0.1')).toBe('0.0');
    expect(times('0.5', '20')).toBe('10.0');
    expect(add(['9007199254740991', '1'])).toBe('9007199254740992');
    expect(times('94906267', '94906267')).toBe('9007199515875289');
    // 执行率 53.1126…% written as 53.11: within 0.01 points, not within 0.001
    expect(cmpDistance('0.531126871552', '53.11', '0.01', 2)).toBe(-1);
    expect(cmpDistance('0.531126871552', '53.11', '0.001', 2)).toBe(1);
    expect(cmpDistance('5', '3', '2')).toBe(0);
    expect(cmpDistance('3', '5', '1.5')).toBe(1);
    expect(cmpDistance('1', '100', '0', 2)).toBe(0);
    expect(isZero('-0.000')).toBe(true);
    expect(isZero('0.001')).toBe(false);
    expect(trim('100')).toBe('100');
    expect(trim('0.0')).toBe('0');
    expect(() => add(['x'])).toThrow();
  });
});
