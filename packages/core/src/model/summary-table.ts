/** The department's 汇总表 as written (imported), so that A10 can compare it with the forms. */
import { z } from 'zod';
import { NumberField, TextField } from './evaluation.ts';

export const SummaryRow = z.object({
  seq: TextField,
  name: TextField,
  /** 全年预算数, 万元 */
  budget: NumberField,
  /** 全年执行数, 万元 */
  executed: NumberField,
  fundType: TextField,
  /** 自评得分, 分 */
  score: NumberField,
  grade: TextField,
  /** 自评率 as written (often only on the first row, a merged cell) */
  rate: TextField,
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const SummaryTable = z.object({
  formatVersion: z.literal(1),
  title: TextField.optional(),
  year: z.number().int().nullable(),
  rows: z.array(SummaryRow),
  /** the 合计 row as written */
  total: z.object({ label: TextField, budget: NumberField, executed: NumberField, rate: TextField }).optional(),
  filler: z.object({ name: TextField.optional(), phone: TextField.optional() }).optional(),
});
export type SummaryTable = z.infer<typeof SummaryTable>;
