/**
 * Request bodies the web client sends and the server checks, where the client would otherwise keep a copy
 * of the shape. The type a client writes is the schema's input (defaults may be left out).
 */
import { z } from 'zod';
import { Evaluation } from '../model/evaluation.ts';
import { GoalForm } from '../kinds/goal/goal-form.ts';

/**
 * A form's document of any kind: a 绩效目标申报表 (it says `kind: 'goal'`) or a 自评表. Discriminated (not a
 * plain union), so that a value out of bounds is reported at its own field (VALUE.OUT_OF_RANGE).
 */
export const FormDocumentBody = z
  .discriminatedUnion('kind', [GoalForm, Evaluation.extend({ kind: z.literal('self-evaluation').optional().describe('自评表可不写') })])
  .describe('表的内容：绩效目标申报表（kind: goal）或自评表');

export const NewFormBody = z
  .object({
    kind: z.string().min(1).max(40).default('self-evaluation').describe('表的种类（/api/form-kinds）'),
    projectId: z.number().int().positive().optional().describe('已有项目的编号'),
    newProject: z
      .object({
        departmentId: z.number().int().positive(),
        name: z.string().trim().min(1).max(200).describe('项目名称'),
        code: z.string().max(64).optional().describe('项目编码'),
        fundType: z.string().max(64).optional().describe('资金类型'),
      })
      .optional()
      .describe('新项目（不给 projectId 时）'),
    year: z.number().int().min(1990).max(2100).describe('年度'),
    from: z
      .union([z.enum(['blank', 'previous-year', 'goals']), z.object({ evaluation: FormDocumentBody })])
      .default('blank')
      .describe('blank 空白表；previous-year 从上年复制；goals 自评表从本年度已批复的绩效目标生成；或整表'),
    schemeId: z.string().max(40).optional().describe('空白表的评分方案'),
    layout: z.string().max(40).optional().describe('空白表的表式'),
  })
  .describe('新建表');
/** what a client sends (kind and from may be left out) */
export type NewFormBody = z.input<typeof NewFormBody>;
