/** Storage units: money as integer 分 (1 万元 = 1,000,000 分), scores as integer hundredths of a 分. */
import { mulDiv } from '@jixiao/core';
import { StoreError } from './connect.ts';

/**
 * The last guard before a column (issue 24): a figure that would not be an exact integer in a double
 * (and so a float in SQLite, an overflow in PostgreSQL) is refused. The model's bounds keep every form
 * far below this; a caller that skipped them gets an error with a code, never a rounded amount.
 */
function exact(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new StoreError('STORE.VALUE_OUT_OF_RANGE', `${what}超出可精确保存的范围，未保存`);
  return n;
}

/** 万元 decimal string → 分; amounts finer than 1 分 are rounded half up (the document keeps the exact text). */
export function wanYuanToFen(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return exact(Number(mulDiv([v, '1000000'], [], 0)), '金额');
}

/** 分 decimal string → hundredths. */
export function pointsToHundredths(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return exact(Number(mulDiv([v, '100'], [], 0)), '分值或得分');
}
