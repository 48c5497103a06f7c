/** The to-do lists by role, the finance bureau's deadlines and the outcome of a batch action (issue 23), as the API sends them. */
import { z } from 'zod';
import { Status, WorkflowAction } from './forms.ts';

export const TodoGroupId = z
  .enum(['returned', 'to-submit', 'to-approve', 'to-review'])
  .describe('returned 被退回、to-submit 待提交、to-approve 待审核、to-review 待复核');
export const TodoItem = z
  .object({
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
    total: z.string().nullable().describe('按规则计算的总分，分（不计分的表为空）'),
    grade: z.string().nullable().describe('等级（不计分的表为空）'),
    updatedAt: z.string(),
    deadline: z.string().nullable().describe('财政设定的截止日期（年-月-日）'),
    returnNote: z.object({ by: z.string(), byName: z.string(), at: z.string(), comment: z.string() }).nullable().describe('退回人、时间与退回意见'),
    errors: z.number().int().nullable().describe('错误数（按问题筛选时给出；否则见 /api/todo/findings）'),
    warnings: z.number().int().nullable().describe('警告数'),
    actions: z.array(WorkflowAction).describe('当前账号可以执行的操作'),
  })
  .meta({ id: 'TodoItem', description: '待办的一张表' });
export type TodoItem = z.infer<typeof TodoItem>;
export const TodoList = z
  .object({
    groups: z.array(z.object({ id: TodoGroupId, label: z.string(), count: z.number().int() })),
    group: TodoGroupId.nullable(),
    total: z.number().int().nullable().describe('本组符合筛选的表数；按问题筛选时为 null'),
    items: z.array(TodoItem),
    complete: z.boolean().describe('按问题筛选时：是否已检查全部候选表'),
  })
  .meta({ id: 'TodoList', description: '待办' });
export type TodoList = z.infer<typeof TodoList>;
export const FindingCounts = z
  .array(z.object({ id: z.number().int(), errors: z.number().int(), warnings: z.number().int() }))
  .describe('每张表的错误数与警告数');
export type FindingCounts = z.infer<typeof FindingCounts>;
export const Deadline = z
  .object({
    year: z.number().int(),
    departmentId: z.number().int().nullable().describe('部门编号；null 为全部部门'),
    due: z.string().describe('截止日期（年-月-日）'),
    setBy: z.string(),
    at: z.string(),
  })
  .meta({ id: 'Deadline', description: '截止日期' });
export type Deadline = z.infer<typeof Deadline>;
export const BatchResult = z
  .object({
    outcomes: z.array(
      z.union([
        z.object({ id: z.number().int(), ok: z.literal(true), project: z.string(), status: Status, version: z.number().int() }),
        z.object({ id: z.number().int(), ok: z.literal(false), code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
      ]),
    ),
    done: z.number().int().describe('成功的表数'),
    refused: z.number().int().describe('未能处理的表数'),
  })
  .meta({ id: 'BatchResult', description: '批量操作的结果' });
export type BatchResult = z.infer<typeof BatchResult>;
