/**
 * A stored form as the API sends it: in lists (brief), whole (with its check, 复核得分 and what the
 * reader may do), its history and frozen copies. Built from the model's own schema (Evaluation).
 */
import { z } from 'zod';
import { Evaluation } from '../model/evaluation.ts';
import { EvaluationScore } from './score.ts';
import { Finding } from './finding.ts';

export const Status = z.enum(['draft', 'submitted', 'unit-approved', 'finance-reviewed']).describe('状态：草稿、已提交、单位已审核、财政已复核');
export const Role = z.enum(['admin', 'filler', 'unit-reviewer', 'finance']).describe('admin 管理员、filler 填报人、unit-reviewer 单位审核、finance 财政审核');
export const WorkflowAction = z.enum(['submit', 'approve', 'finalize', 'return']);

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
    version: z.number().int(),
    total: z.string().describe('计算总分，分'),
    grade: z.string(),
    claimedTotal: z.string().nullable().describe('表中填写的总分，分'),
    updatedAt: z.string(),
  })
  .meta({ id: 'EvaluationBrief', description: '表（列表中的一行）' });
export type EvaluationBrief = z.infer<typeof EvaluationBrief>;

export const FormCheck = z.object({ score: EvaluationScore, findings: z.array(Finding) }).meta({ id: 'FormCheck', description: '得分与校验结果' });
export type FormCheck = z.infer<typeof FormCheck>;

export const ReviewScore = z
  .object({
    indicatorId: z.string(),
    score: z.string().describe('复核得分，分'),
    reason: z.string(),
    reviewer: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ReviewScore', description: '财政复核得分' });
export type ReviewScore = z.infer<typeof ReviewScore>;

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
export const HistoryEntry = Change.extend({ label: z.string().describe('字段（中文）') }).meta({
  id: 'HistoryEntry',
  description: '一次修改（字段以中文命名）',
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const FormView = EvaluationBrief.extend({
  evaluation: Evaluation,
  score: EvaluationScore,
  findings: z.array(Finding),
  reviews: z.array(ReviewScore),
  reviewedTotal: z.string().nullable().describe('以复核得分代替被复核指标得分后的总分，分'),
  permissions: z.object({ edit: z.boolean(), review: z.boolean(), delete: z.boolean(), actions: z.array(WorkflowAction) }).describe('本人现在可做的操作'),
  lastStatusChange: Change.nullable().describe('最近一次状态变化（含意见）'),
  previousYear: z
    .object({ evaluationId: z.number().int(), year: z.number().int(), actuals: z.record(z.string(), z.string()) })
    .nullable()
    .describe('同一项目上一年度的表：按指标编号的实际完成值'),
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
    evaluation: Evaluation,
  })
  .meta({ id: 'Snapshot', description: '提交、审核、复核时冻结的表副本' });
export type Snapshot = z.infer<typeof Snapshot>;

export const FormKindInfo = z
  .object({ id: z.string(), title: z.string(), label: z.string(), layouts: z.array(z.string()) })
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
