/** Request schemas shared by the routes (zod, published as OpenAPI); the answers' schemas are the contract in core (core/src/api). */
import { z } from 'zod';
import { contract, Evaluation } from '@jixiao/core';

/** A form's document of any kind (the contract's, core/src/api/requests.ts); the use case checks it is of the stored form's kind (FORM.WRONG_KIND). */
export const FormDocumentBody = contract.FormDocumentBody;

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
/** the web client sends it too: its schema is in the contract (core/src/api/requests.ts) */
export const NewForm = contract.NewFormBody;
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

// Accounts and departments (issue 23, item 6): what the routes answer, published with the routes.
export const RoleEnum = z
  .enum(['admin', 'filler', 'unit-reviewer', 'finance'])
  .describe('admin 管理员、filler 填报人、unit-reviewer 单位审核、finance 财政审核');
export const UserOut = z.object({
  id: z.number().int(),
  username: z.string().describe('登录名'),
  displayName: z.string().describe('姓名（显示名）'),
  role: RoleEnum,
  departmentId: z.number().int().nullable().describe('所属部门（填报人、单位审核）'),
  assigned: z.array(z.number().int()).describe('负责复核的部门（财政审核）'),
  disabled: z.boolean().describe('已停用'),
  createdAt: z.string(),
});
export const DepartmentOut = z.object({
  id: z.number().int(),
  code: z.string().describe('部门编码'),
  name: z.string().describe('部门名称'),
  parentId: z.number().int().nullable().describe('上级部门编号'),
});
export const DepartmentPatch = z
  .object({
    name: z.string().min(1).max(200).optional().describe('新的部门名称'),
    parentId: z.number().int().positive().nullable().optional().describe('新的上级部门编号；null 为顶级'),
  })
  .refine((b) => b.name !== undefined || b.parentId !== undefined, { message: '需要 name 或 parentId' });
/** The answer of a refused request, as every route gives it (errors.ts). */
export const ApiErrorOut = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });
export const ReviewOut = z.object({
  indicatorId: z.string().describe('指标编号；#budget 为预算执行率得分'),
  score: z.string().describe('复核得分，分'),
  reason: z.string(),
  reviewer: z.string(),
  at: z.string(),
});
export const ReviewOpinionOut = z.object({ text: z.string().describe('复核意见'), reviewer: z.string(), at: z.string() }).nullable();
