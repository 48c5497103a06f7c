/**
 * The figures of a form that lists and sums need without reading the form: computed by the form's kind
 * when it is saved (the application does it; the store only keeps them), in the storage units — money
 * as integer 分 (1 万元 = 1,000,000 分), scores as integer hundredths of a 分.
 */
import { mulDiv } from '../values/exact.ts';

export interface FormFigures {
  /** computed total, 分 × 100 (0 for a kind without scores) */
  totalHundredths: number;
  /** computed grade ('' for a kind without grades) */
  grade: string;
  /** 全年预算数 / 年度资金总额 and 全年执行数, 分 */
  budgetFen: number | null;
  executedFen: number | null;
  /** the total the form claims, 分 × 100 */
  claimedTotalHundredths: number | null;
}

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
