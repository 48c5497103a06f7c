/**
 * Numbers as the official forms print them: money in 万元 to 2 decimals (more if stated), rates as percentages to 2
 * decimals, points and scores without trailing zeros. All from the exact decimal strings — a figure is
 * rounded once, here, half up. A cell whose text is not a number (`—`, `长期`) is written as it was.
 */
import { round, trim, type NumberField } from '@jixiao/core';

/**
 * 万元 to 2 decimals — or more when the form states more (`6.695` is 66,950 元 exactly): rounding a
 * stated amount away would make the printed figures disagree with the stored ones.
 */
export function moneyText(v: string): string {
  const decimals = v.includes('.') ? trim(v).split('.')[1]?.length ?? 0 : 0;
  return round(v, Math.max(2, decimals));
}
export const percentText = (v: string): string => `${round(v, 2)}%`;
export const scoreText = (v: string, places = 2): string => trim(round(v, places));

function fieldText(f: NumberField | undefined, as: (v: string) => string): string {
  if (!f) return '';
  return f.value === null ? f.raw : as(f.value);
}

/** 万元, 2 decimals */
export const money = (f: NumberField | undefined): string => fieldText(f, moneyText);
/** %, 2 decimals, with the percent sign */
export const percent = (f: NumberField | undefined): string => fieldText(f, percentText);
/** 分, as few decimals as the value needs */
export const points = (f: NumberField | undefined): string => fieldText(f, (v) => scoreText(v, 4));
