/** Request schemas shared by the routes (zod, published as OpenAPI). */
import { z } from 'zod';
import { Evaluation } from '@jixiao/core';

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
    .union([z.enum(['blank', 'previous-year']), z.object({ evaluation: Evaluation })])
    .default('blank')
    .describe('blank 空白表；previous-year 从上年复制；或整表'),
  schemeId: z.string().max(40).optional().describe('空白表的评分方案'),
  layout: z.string().max(40).optional().describe('空白表的表式'),
});
export const CarryOver = z.object({
  year: Year.describe('要生成的年度（从上一年度复制）'),
  kind: z.string().min(1).max(40).default('self-evaluation').describe('表的种类'),
});
export const YearChange = z.object({ version: z.number().int().positive().describe('读取时的版本号'), year: Year.describe('新的年度') });
export const EvaluationUpdate = z.object({ version: z.number().int().positive().describe('读取时的版本号'), evaluation: Evaluation });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
export const ScoreRequest = z.object({ evaluation: Evaluation, schemeId: z.string().optional() });
export const CommitImport = z
  .object({
    departmentId: z.number().int().positive().optional(),
    department: z.object({ code: z.string().min(1).max(64), name: z.string().min(1).max(200) }).optional(),
  })
  .refine((b) => b.departmentId !== undefined || b.department !== undefined, { message: '需要 departmentId 或 department' });

// ---- 待办 and batch work (issue 23) ----
export const TodoGroupId = z
  .enum(['returned', 'to-submit', 'to-approve', 'to-review'])
  .describe('returned 被退回、to-submit 待提交、to-approve 待审核、to-review 待复核');
export const TodoQuery = z.object({
  group: TodoGroupId.optional().describe('只看这一组（默认：第一组有待办的）'),
  departmentId: z.coerce.number().int().positive().optional().describe('部门编号'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  grade: z.enum(['优', '良', '中', '差']).optional().describe('等级（按规则计算）'),
  search: z.string().trim().max(100).optional().describe('项目名称中的文字'),
  findings: z.enum(['errors', 'warnings', 'none']).optional().describe('errors 有错误、warnings 有警告（无错误）、none 无问题（按每张表本身的校验）'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('跳过前面这么多项'),
  limit: z.coerce.number().int().min(0).max(500).default(50).describe('最多返回这么多项'),
});
const WorkflowActionId = z.enum(['submit', 'approve', 'finalize', 'return']);
export const TodoItem = z.object({
  evaluationId: z.number().int(),
  kind: z.string(),
  kindLabel: z.string().describe('表的种类的名称，如 自评表'),
  projectId: z.number().int(),
  project: z.string(),
  departmentId: z.number().int(),
  department: z.string(),
  year: z.number().int().nullable(),
  status: Status,
  statusLabel: z.string(),
  returned: z.boolean().describe('被退回的草稿'),
  version: z.number().int(),
  total: z.string().describe('按规则计算的总分，分'),
  grade: z.string(),
  updatedAt: z.string(),
  deadline: z.string().nullable().describe('财政设定的截止日期（年-月-日）'),
  returnNote: z.object({ by: z.string(), byName: z.string(), at: z.string(), comment: z.string() }).nullable().describe('退回人、时间与退回意见'),
  errors: z.number().int().nullable().describe('错误数（按问题筛选时给出；否则见 /api/todo/findings）'),
  warnings: z.number().int().nullable().describe('警告数'),
  actions: z.array(WorkflowActionId).describe('当前账号可以执行的操作'),
});
export const TodoList = z.object({
  groups: z.array(z.object({ id: TodoGroupId, label: z.string(), count: z.number().int() })),
  group: TodoGroupId.nullable(),
  total: z.number().int().nullable().describe('本组符合筛选的表数；按问题筛选时为 null'),
  items: z.array(TodoItem),
  complete: z.boolean().describe('按问题筛选时：是否已检查全部候选表'),
});
export const DeadlinesQuery = YearQuery.extend({ departmentId: z.coerce.number().int().positive().optional().describe('只看这个部门的（含全部部门的）') });
export const FindingCountsQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '表的编号用逗号分隔，如 12,15')
    .describe('表的编号（最多 500 个）'),
});
export const FindingCounts = z.array(z.object({ id: z.number().int(), errors: z.number().int(), warnings: z.number().int() }));
export const Deadline = z.object({
  year: z.number().int(),
  departmentId: z.number().int().nullable().describe('部门编号；null 为全部部门'),
  due: z.string().describe('截止日期（年-月-日）'),
  setBy: z.string(),
  at: z.string(),
});
export const DeadlineBody = z.object({
  year: Year.describe('年度'),
  departmentId: z.number().int().positive().nullable().describe('部门编号；null 为全部部门'),
  due: z.string().max(10).nullable().describe('截止日期（年-月-日）；null 为取消'),
});
export const BatchBody = z.object({
  action: WorkflowActionId.describe('submit 提交、approve 单位审核通过、finalize 财政复核完成、return 退回'),
  items: z
    .array(z.object({ id: z.number().int().positive().describe('表的编号'), version: z.number().int().positive().describe('读取时的版本号') }))
    .min(1)
    .max(500),
  comment: z.string().max(2000).optional().describe('意见；退回时必填，对所选各表相同'),
});
export const BatchResult = z.object({
  outcomes: z.array(
    z.union([
      z.object({ id: z.number().int(), ok: z.literal(true), project: z.string(), status: Status, version: z.number().int() }),
      z.object({ id: z.number().int(), ok: z.literal(false), code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
    ]),
  ),
  done: z.number().int().describe('成功的表数'),
  refused: z.number().int().describe('未能处理的表数'),
});
