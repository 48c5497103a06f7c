/** A finding of the audit (A1–A12) or of the goal form's lint (G1–G11), as the API sends it (audit/finding.ts). */
import { z } from 'zod';
import { Provenance } from '../model/evaluation.ts';

export const RuleId = z.enum([
  'A1',
  'A2',
  'A3',
  'A4',
  'A5',
  'A6',
  'A7',
  'A8',
  'A9',
  'A10',
  'A11',
  'A12',
  'G1',
  'G2',
  'G3',
  'G4',
  'G5',
  'G6',
  'G7',
  'G8',
  'G9',
  'G10',
  'G11',
]);
export const Severity = z.enum(['error', 'warning', 'info']);

export const Finding = z
  .object({
    rule: RuleId,
    code: z.string().describe('稳定代码，如 A1.GROUP_POINTS'),
    severity: Severity,
    message: z.string().describe('说明（中文）'),
    location: z.object({
      form: z.object({ index: z.number().int(), project: z.string(), year: z.number().int().nullable() }).optional(),
      section: z.enum(['identity', 'budget', 'goals', 'indicators', 'total', 'narratives', 'summary', 'report', 'disclosure']),
      indicator: z.number().int().optional(),
      indicatorId: z.string().optional(),
      field: z.string().optional(),
      src: Provenance.optional(),
    }),
    numbers: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('涉及的数字'),
    fix: z
      .object({
        field: z.string(),
        value: z.string(),
        label: z.string(),
        also: z
          .array(z.object({ field: z.string(), value: z.string() }))
          .optional()
          .describe('同一修改一并写入的其他单元格（如总分、等级）'),
      })
      .optional()
      .describe('建议的修改'),
  })
  .meta({ id: 'Finding', description: '校验结果' });
export type Finding = z.infer<typeof Finding>;
