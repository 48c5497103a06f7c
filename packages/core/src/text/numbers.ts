/**
 * How figures are printed in every document, in one place (the .docx, the .xlsx, the PDF and the
 * generated text all call these): money in 万元 to 2 decimals — more when the form states more, since
 * `6.695` is 66,950 元 exactly and rounding it away would make the printed figure disagree with the
 * stored one; rates as percentages to 2 decimals; scores to the scheme's places (R4), so that a column
 * prints 98.00 beside 96.04, never 98. Rounding is half up, once, from the exact decimal string.
 */
import { round, trim } from '../values/exact.ts';

/** Decimal places a money figure is printed with: 2, or as many as the value states. */
export function moneyPlaces(v: string): number {
  const decimals = v.includes('.') ? (trim(v).split('.')[1]?.length ?? 0) : 0;
  return Math.max(2, decimals);
}

/** 万元 with 2 decimals, or as entered when more precise. */
export const moneyText = (v: string): string => round(v, moneyPlaces(v));

/** A percentage to 2 decimals, without the sign. */
export const rateText = (v: string): string => round(v, 2);

/** A score (分) to the scheme's places, trailing zeros kept. */
export const scoreText = (v: string, places = 2): string => round(v, places);

/** 分值 (the points an indicator is worth) as the form states them: no trailing zeros. */
export const pointsText = (v: string): string => trim(v);

/** A spreadsheet number format showing exactly `places` decimals (0.00, 0.000). */
export const numberFormat = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');
