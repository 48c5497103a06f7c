/** A department's prose document as written (imported): the 整体绩效自评工作报告 or the 决算公开绩效情况说明. */
import { z } from 'zod';
import { TextField } from './evaluation.ts';

export const DepartmentText = z.object({
  formatVersion: z.literal(1),
  kind: z.enum(['overall-report', 'disclosure']),
  title: TextField,
  year: z.number().int().nullable(),
  paragraphs: z.array(TextField),
});
export type DepartmentText = z.infer<typeof DepartmentText>;
