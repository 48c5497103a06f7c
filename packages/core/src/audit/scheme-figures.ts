/**
 * Figures derived from a scheme's settings (thresholds, tolerances), worked out once per value: the
 * same few settings are compared with, or written into, every form of a department.
 */
import { add, mulDiv, sub, trim } from '../values/exact.ts';

const PERCENT = new Map<string, string>();
const ONE_PLUS = new Map<string, string>();
const ONE_MINUS = new Map<string, string>();

/** A share as the percentage a message shows: `0.3` → `30`. */
export const percentOf = (share: string): string => memo(PERCENT, share, () => trim(mulDiv([share, '100'], [], 2)));
/** 1 + x. */
export const onePlus = (x: string): string => memo(ONE_PLUS, x, () => trim(add(['1', x])));
/** 1 − x. */
export const oneMinus = (x: string): string => memo(ONE_MINUS, x, () => trim(sub('1', x)));

function memo(m: Map<string, string>, k: string, make: () => string): string {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}
