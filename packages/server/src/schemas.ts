/** Request schemas shared by the routes (zod, published as OpenAPI); the answers' schemas are the contract in core (core/src/api). */
import { z } from 'zod';
import { contract, Evaluation } from '@jixiao/core';
import { UPLOAD_KINDS } from '@jixiao/office';

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
/** `?kind=` of an upload: the kind its files are read as; none: each file's title says (issue 20). */
export const ImportQuery = z.object({
  kind: z.enum(UPLOAD_KINDS).optional().describe('按哪种表读取上传的文件（self-evaluation 自评表、goal 绩效目标申报表）；不填则按文件标题识别'),
});

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
export const DepartmentPatch = z
  .object({
    name: z.string().min(1).max(200).optional().describe('新的部门名称'),
    parentId: z.number().int().positive().nullable().optional().describe('新的上级部门编号；null 为顶级'),
  })
  .refine((b) => b.name !== undefined || b.parentId !== undefined, { message: '需要 name 或 parentId' });

// ---- 待办 and batch work (issue 23): the requests; the answers are in the contract (core/src/api/todo.ts) ----
export const TodoQuery = z.object({
  group: contract.TodoGroupId.optional().describe('只看这一组（默认：第一组有待办的）'),
  departmentId: z.coerce.number().int().positive().optional().describe('部门编号'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  grade: z.enum(['优', '良', '中', '差']).optional().describe('等级（按规则计算）'),
  search: z.string().trim().max(100).optional().describe('项目名称中的文字'),
  findings: z.enum(['errors', 'warnings', 'none']).optional().describe('errors 有错误、warnings 有警告（无错误）、none 无问题（按每张表本身的校验）'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('跳过前面这么多项'),
  limit: z.coerce.number().int().min(0).max(500).default(50).describe('最多返回这么多项'),
});
export const DeadlinesQuery = YearQuery.extend({ departmentId: z.coerce.number().int().positive().optional().describe('只看这个部门的（含全部部门的）') });
export const FindingCountsQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '表的编号用逗号分隔，如 12,15')
    .describe('表的编号（最多 500 个）'),
});
export const DeadlineBody = z.object({
  year: Year.describe('年度'),
  departmentId: z.number().int().positive().nullable().describe('部门编号；null 为全部部门'),
  due: z.string().max(10).nullable().describe('截止日期（年-月-日）；null 为取消'),
});
export const BatchBody = z.object({
  action: contract.WorkflowAction.describe('submit 提交、approve 单位审核通过、finalize 财政复核完成、return 退回'),
  items: z
    .array(z.object({ id: z.number().int().positive().describe('表的编号'), version: z.number().int().positive().describe('读取时的版本号') }))
    .min(1)
    .max(500),
  comment: z.string().max(2000).optional().describe('意见；退回时必填，对所选各表相同'),
});
