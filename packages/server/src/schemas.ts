/** Request schemas shared by the routes (zod, published as OpenAPI). */
import { z } from 'zod';
import { Evaluation, GoalForm } from '@jixiao/core';

/**
 * A form's document of any kind: a 绩效目标申报表 (it says `kind: 'goal'`) or a 自评表. The use case checks
 * that it is of the stored form's kind (FORM.WRONG_KIND otherwise).
 */
export const FormDocumentBody = z
  // discriminated (not a plain union): a value out of bounds is reported at its own field (VALUE.OUT_OF_RANGE)
  .discriminatedUnion('kind', [GoalForm, Evaluation.extend({ kind: z.literal('self-evaluation').optional().describe('自评表可不写') })])
  .describe('表的内容：绩效目标申报表（kind: goal）或自评表');

export const IdParams = z.object({ id: z.coerce.number().int().positive().describe('编号') });
export const Status = z.enum(['draft', 'submitted', 'unit-approved', 'finance-reviewed']);
export const EvaluationQuery = z.object({
  kind: z.string().max(40).optional().describe('表的种类，如 self-evaluation'),
  projectId: z.coerce.number().int().positive().optional().describe('项目编号'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  departmentId: z.coerce.number().int().positive().optional().describe('部门编号'),
  grade: z.enum(['优', '良', '中', '差']).optional().describe('等级（按规则计算）'),
  status: Status.optional().describe('状态'),
});
export const YearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export const NewDepartment = z.object({
  code: z.string().min(1).max(64).describe('部门编码'),
  name: z.string().min(1).max(200).describe('部门名称'),
  parentId: z.number().int().positive().nullable().optional().describe('上级部门编号'),
});
export const NewEvaluation = z.object({ departmentId: z.number().int().positive(), evaluation: Evaluation });
export const Year = z.number().int().min(1990).max(2100);
export const NewForm = z.object({
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
  year: Year.describe('年度'),
  from: z
    .union([z.enum(['blank', 'previous-year', 'goals']), z.object({ evaluation: FormDocumentBody })])
    .default('blank')
    .describe('blank 空白表；previous-year 从上年复制；goals 自评表从本年度已批复的绩效目标生成；或整表'),
  schemeId: z.string().max(40).optional().describe('空白表的评分方案'),
  layout: z.string().max(40).optional().describe('空白表的表式'),
});
export const CarryOver = z.object({
  year: Year.describe('要生成的年度（从上一年度复制）'),
  kind: z.string().min(1).max(40).default('self-evaluation').describe('表的种类'),
});
export const YearChange = z.object({ version: z.number().int().positive().describe('读取时的版本号'), year: Year.describe('新的年度') });
export const EvaluationUpdate = z.object({ version: z.number().int().positive().describe('读取时的版本号'), evaluation: FormDocumentBody });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
export const ScoreRequest = z.object({ evaluation: Evaluation, schemeId: z.string().optional() });
export const CommitImport = z
  .object({
    departmentId: z.number().int().positive().optional(),
    department: z.object({ code: z.string().min(1).max(64), name: z.string().min(1).max(200) }).optional(),
  })
  .refine((b) => b.departmentId !== undefined || b.department !== undefined, { message: '需要 departmentId 或 department' });
