/**
 * A stored form as the API sends it: in lists (brief), whole (with its check, 复核得分 and what the
 * reader may do), its history and frozen copies. Built from the model's own schema (Evaluation).
 */
import { z } from 'zod';
import { Evaluation } from '../model/evaluation.ts';
import { GoalForm } from '../kinds/goal/goal-form.ts';
import { EvaluationScore } from './score.ts';
import { Finding } from './finding.ts';

export const Status = z.enum(['draft', 'submitted', 'unit-approved', 'finance-reviewed']).describe('状态：草稿、已提交、单位已审核、财政已复核');
export const Role = z.enum(['admin', 'filler', 'unit-reviewer', 'finance']).describe('admin 管理员、filler 填报人、unit-reviewer 单位审核、finance 财政审核');
export const WorkflowAction = z.enum(['submit', 'approve', 'finalize', 'return']);

/** A stored form's document: a 自评表 or a 绩效目标申报表 (which says `kind: 'goal'`). */
export const FormDocument = z.union([GoalForm, Evaluation]).describe('表的内容：自评表，或绩效目标申报表（kind: goal）');

export const EvaluationBrief = z
  .object({
    id: z.number().int(),
    kind: z.string().describe('表的种类，如 self-evaluation'),
    departmentId: z.number().int(),
    projectId: z.number().int(),
    project: z.string().describe('项目名称'),
    year: z.number().int().nullable(),
    schemeId: z.string(),
    status: Status,
    statusLabel: z.string().describe('本种表对该状态的名称（绩效目标申报表的最后一步为“财政已批复”）'),
    version: z.number().int(),
    total: z.string().nullable().describe('计算总分，分（不计分的表为空）'),
    grade: z.string().nullable().describe('等级（不计分的表为空）'),
    claimedTotal: z.string().nullable().describe('表中填写的总分，分'),
    updatedAt: z.string(),
  })
  .meta({ id: 'EvaluationBrief', description: '表（列表中的一行）' });
export type EvaluationBrief = z.infer<typeof EvaluationBrief>;

export const FormCheck = z
  .object({ score: EvaluationScore.nullable().describe('得分（不计分的表为空）'), findings: z.array(Finding) })
  .meta({ id: 'FormCheck', description: '得分与校验结果' });
export type FormCheck = z.infer<typeof FormCheck>;

export const ReviewScore = z
  .object({
    indicatorId: z.string().describe('指标编号；#budget 为预算执行率得分'),
    score: z.string().describe('复核得分，分'),
    reason: z.string(),
    reviewer: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ReviewScore', description: '财政复核得分' });
export type ReviewScore = z.infer<typeof ReviewScore>;

export const ReviewOpinion = z
  .object({ text: z.string().describe('复核意见'), reviewer: z.string(), at: z.string() })
  .meta({ id: 'ReviewOpinion', description: '财政复核意见（整张表一条）' });
export type ReviewOpinion = z.infer<typeof ReviewOpinion>;

export const Change = z
  .object({
    id: z.number().int(),
    evaluationId: z.number().int(),
    version: z.number().int(),
    at: z.string(),
    actor: z.string(),
    field: z.string().describe('字段路径'),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .meta({ id: 'Change', description: '一次修改' });
export type Change = z.infer<typeof Change>;

/** A change with its field named in Chinese, as the form names it (history/describe-field.ts). */
export const HistoryEntry = Change.extend({
  label: z.string().describe('字段（中文）'),
  actorName: z.string().optional().describe('修改人的姓名（actor 为登录名，供技术支持）'),
  shownBefore: z.string().nullable().optional().describe('修改前（给人看的写法：状态用中文名，删除不附整表）'),
  shownAfter: z.string().nullable().optional().describe('修改后（给人看的写法）'),
}).meta({
  id: 'HistoryEntry',
  description: '一次修改（字段以中文命名）',
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const FormView = EvaluationBrief.extend({
  evaluation: FormDocument,
  score: EvaluationScore.nullable().describe('计算得分（绩效目标申报表不计分，为空）'),
  findings: z.array(Finding),
  reviews: z.array(ReviewScore.extend({ reviewerName: z.string().optional().describe('复核人的姓名（reviewer 为登录名，供技术支持）') })),
  reviewedTotal: z.string().nullable().describe('以复核得分代替被复核指标（及预算执行率）得分后的总分，分'),
  reviewOpinion: ReviewOpinion.extend({ reviewerName: z.string().optional().describe('复核人的姓名') })
    .nullable()
    .describe('财政复核意见'),
  permissions: z
    .object({
      edit: z.boolean(),
      adjust: z.boolean().describe('已批复的表：可填写调整后指标值及调整原因'),
      review: z.boolean(),
      delete: z.boolean(),
      actions: z.array(WorkflowAction),
    })
    .describe('本人现在可做的操作'),
  actionLabels: z.record(WorkflowAction, z.string()).describe('本种表各操作的名称'),
  lastStatusChange: Change.extend({ actorName: z.string().optional().describe('操作人的姓名') })
    .nullable()
    .describe('最近一次状态变化（含意见）'),
  previousYear: z
    .object({ evaluationId: z.number().int(), kind: z.string(), year: z.number().int(), actuals: z.record(z.string(), z.string()) })
    .nullable()
    .describe('同一项目上一年度的表：按指标编号的实际完成值'),
  followUps: z
    .array(
      z.object({
        evaluationId: z.number().int(),
        kind: z.string(),
        status: Status,
        indicatorIds: z.array(z.string()).describe('涉及的指标编号'),
        written: z.boolean().describe('已在同一事务中写入（该表仍可编辑）；false：该表已提交，未改动'),
        message: z.string(),
      }),
    )
    .optional()
    .describe('保存已批复目标申报表的调整后：同一项目年度由其生成的自评表是否随之写入'),
}).meta({ id: 'FormView', description: '表（含计算得分、校验结果、复核得分和可做的操作）' });
export type FormView = z.infer<typeof FormView>;

export const Snapshot = z
  .object({
    id: z.number().int(),
    evaluationId: z.number().int(),
    version: z.number().int(),
    status: Status,
    at: z.string(),
    actor: z.string(),
    comment: z.string().nullable(),
    evaluation: FormDocument,
  })
  .meta({ id: 'Snapshot', description: '提交、审核、复核时冻结的表副本' });
export type Snapshot = z.infer<typeof Snapshot>;

export const FormKindInfo = z
  .object({
    id: z.string(),
    title: z.string(),
    label: z.string(),
    layouts: z.array(z.string()),
    scored: z.boolean().describe('是否计分（总分、等级）'),
    statusLabels: z.record(Status, z.string()).describe('本种表各状态的名称'),
    actionLabels: z.record(WorkflowAction, z.string()).describe('本种表各操作的名称'),
    startsFrom: z.array(z.object({ from: z.string(), kind: z.string(), status: Status })).describe('可由哪种表生成（from 取值）'),
  })
  .meta({ id: 'FormKindInfo', description: '表的种类' });
export type FormKindInfo = z.infer<typeof FormKindInfo>;

export const CarryOverResult = z
  .object({
    created: z.number().int().describe('新生成的表数'),
    existing: z.number().int().describe('本年度已有、未动的表数'),
    evaluations: z.array(EvaluationBrief),
  })
  .meta({ id: 'CarryOverResult', description: '从上年生成的结果' });
export type CarryOverResult = z.infer<typeof CarryOverResult>;
