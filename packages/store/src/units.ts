/** Storage units: money as integer 分 (1 万元 = 1,000,000 分), scores as integer hundredths of a 分. */
import { mulDiv } from '@jixiao/core';

/** 万元 decimal string → 分; amounts finer than 1 分 are rounded half up (the document keeps the exact text). */
export function wanYuanToFen(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return Number(mulDiv([v, '1000000'], [], 0));
}

/** 分 decimal string → hundredths. */
export function pointsToHundredths(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return Number(mulDiv([v, '100'], [], 0));
}
