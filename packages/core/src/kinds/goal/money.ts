/** The money block in one unit: 万元 and 元 normalised before any comparison (G2, G9). */
import type { NumberField } from '../../model/evaluation.ts';
import { times, trim } from '../../values/exact.ts';
import type { GoalForm } from './goal-form.ts';

/** A money cell of the form in 元 (exact decimal string), or null when empty or not a number. */
export function moneyInYuan(form: GoalForm, f: NumberField | undefined): string | null {
  if (f === undefined || f.value === null) return null;
  return trim(form.money.unit === '万元' ? times(f.value, '10000') : f.value);
}

/** Cells of the money block by their model field. */
export const MONEY_FIELDS = [
  ['total', '项目资金总额'],
  ['annual', '年度资金总额'],
  ['fiscal', '财政拨款'],
  ['carryover', '上年结转'],
  ['other', '其他资金'],
] as const;
