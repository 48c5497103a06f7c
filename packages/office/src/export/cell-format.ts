/**
 * Numbers as the official forms print them, by the rules of the core (text/numbers.ts) so that the
 * .docx, the .xlsx, the PDF and the generated text agree: money in 万元 to 2 decimals (more if
 * stated), rates as percentages to 2 decimals, scores to the scheme's places, 分值 without trailing
 * zeros. A cell whose text is not a number (`—`, `长期`) is written as it was.
 */
import { moneyText, rateText, round, scoreText, trim, type NumberField } from '@jixiao/core';

export { moneyText, scoreText };
export const percentText = (v: string): string => `${rateText(v)}%`;

function fieldText(f: NumberField | undefined, as: (v: string) => string): string {
  if (!f) return '';
  return f.value === null ? f.raw : as(f.value);
}

/** 万元, 2 decimals */
export const money = (f: NumberField | undefined): string => fieldText(f, moneyText);
/** %, 2 decimals, with the percent sign */
export const percent = (f: NumberField | undefined): string => fieldText(f, percentText);
/** 分值 and other points as written: as few decimals as the value needs (up to 4) */
export const points = (f: NumberField | undefined): string => fieldText(f, (v) => trim(round(v, 4)));
