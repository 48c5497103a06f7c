/**
 * Decimal arithmetic for money and scores. A private Decimal class so that no other user of
 * decimal.js can change our precision or rounding mode; ROUND_HALF_UP is what Chinese financial
 * forms use ("四舍五入").
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const HUNDRED = new Dec(100);

/** Print without trailing zeros ("4", "9.56"), for explanations. */
export function plain(d: Dec): string {
  return d.toFixed();
}

export function sum(values: readonly Dec[]): Dec {
  let s = new Dec(0);
  for (const v of values) s = s.plus(v);
  return s;
}
