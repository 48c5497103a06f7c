/** Request schemas shared by the routes (zod, published as OpenAPI). */
import { z } from 'zod';
import { Evaluation } from '@jixiao/core';

export const IdParams = z.object({ id: z.coerce.number().int().positive().describe('编号') });
export const Status = z.enum(['draft', 'submitted', 'unit-approved', 'finance-reviewed']);
export const EvaluationQuery = z.object({
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
export const EvaluationUpdate = z.object({ version: z.number().int().positive().describe('读取时的版本号'), evaluation: Evaluation });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
export const ScoreRequest = z.object({ evaluation: Evaluation, schemeId: z.string().optional() });
export const CommitImport = z
  .object({
    departmentId: z.number().int().positive().optional(),
    department: z.object({ code: z.string().min(1).max(64), name: z.string().min(1).max(200) }).optional(),
  })
  .refine((b) => b.departmentId !== undefined || b.department !== undefined, { message: '需要 departmentId 或 department' });
