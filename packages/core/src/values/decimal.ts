/**
 * Decimal arithmetic for money and scores. A private Decimal class so that no other user of
 * decimal.js can change our precision or rounding mode; ROUND_HALF_UP is what Chinese financial
 * forms use ("四舍五入").
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/** Round half up to `places` and print with exactly that many decimals ("4.00"). */
export function fixed(d: Dec, places: number): string {
  return d.toFixed(places, Dec.ROUND_HALF_UP);
}

/** Print without trailing zeros ("4", "9.56"), for explanations. */
export function plain(d: Dec): string {
  return d.toFixed();
}

export function dec(s: string): Dec {
  return new Dec(s);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

export function sum(values: readonly Dec[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
