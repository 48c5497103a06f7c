/**
 * The import preview (what was read from the uploaded files, before anything is stored) and the
 * commit's answer. The recognizer's report types live in office (recognize/report.ts, form.ts); the
 * server checks at compile time that these schemas describe them (server/src/contract-types.ts).
 */
import { z } from 'zod';
import { Provenance } from '../model/evaluation.ts';
import { ApiErrorBody } from './error.ts';
import { Finding } from './finding.ts';
import { EvaluationBrief } from './forms.ts';

export const ImportNote = z
  .object({ code: z.string(), message: z.string(), src: Provenance.optional() })
  .meta({ id: 'ImportNote', description: '导入时注意到的情况（跳过的行、读不出的值）' });
export type ImportNote = z.infer<typeof ImportNote>;

export const FormReport = z
  .object({
    index: z.number().int(),
    project: z.string(),
    layout: z.string(),
    layoutName: z.string().describe('表式（中文）'),
    schemeId: z.string(),
    tables: z.array(
      z.object({
        kind: z.enum(['budget', 'indicators']),
        src: Provenance,
        columns: z.array(z.object({ header: z.string(), src: Provenance, role: z.string().nullable(), meaning: z.string() })),
      }),
    ),
    declaredWeights: z.array(
      z.object({
        level1: z.string(),
        label: z.string(),
        src: Provenance.optional(),
        declared: z.string(),
        scheme: z.string().nullable(),
        differs: z.boolean(),
      }),
    ),
    unplaced: z.array(z.object({ text: z.string(), src: Provenance, why: z.string() })),
    notes: z.array(ImportNote),
  })
  .meta({ id: 'FormReport', description: '每张表读到了什么、没读到什么' });
export type FormReport = z.infer<typeof FormReport>;

export const FormReadout = z
  .object({
    unit: z.enum(['万元', '元']).describe('金额的单位：自评表换算为万元；目标申报表按表中所写'),
    money: z
      .array(z.object({ label: z.string(), cells: z.array(z.object({ column: z.string(), text: z.string() })) }))
      .describe('资金各行：行名与各列读到的数'),
    goals: z.array(z.object({ label: z.string(), text: z.string() })).describe('总体目标的各段文字'),
    indicators: z.array(
      z.object({
        level1: z.string(),
        level2: z.string(),
        name: z.string(),
        target: z.string(),
        actual: z.string().nullable().describe('实际完成值；目标申报表为空'),
        points: z.string().nullable(),
        score: z.string().nullable().describe('表中填报的得分；目标申报表为空'),
      }),
    ),
  })
  .meta({ id: 'FormReadout', description: '从文件读到的内容，保存前核对：资金、总体目标、各指标，按表中所写' });
export type FormReadout = z.infer<typeof FormReadout>;

export const ImportPreview = z
  .object({
    token: z.string().describe('保存时用的预览令牌（30 分钟内有效）'),
    expiresAt: z.string(),
    files: z.array(
      z.object({
        name: z.string(),
        sha256: z.string(),
        size: z.number().int(),
        evaluations: z.array(
          z.object({
            index: z.number().int(),
            kind: z.string().describe('表的种类（self-evaluation 自评表、goal 绩效目标申报表），按标题识别或按上传时所选'),
            kindTitle: z.string().describe('表的种类（中文）'),
            project: z.string(),
            year: z.number().int().nullable(),
            schemeId: z.string(),
            layout: z.string(),
            department: z.string().nullable(),
            indicators: z.number().int(),
            claimedTotal: z.string().nullable(),
            total: z.string().nullable().describe('按规则算得的总分；不评分的表（绩效目标申报表）为空'),
            grade: z.string().nullable().describe('等级；不评分的表为空'),
            errors: z.number().int().describe('错误数（自评表：审核规则 A；目标申报表：校验规则 G）'),
            warnings: z.number().int(),
            read: FormReadout,
          }),
        ),
        summaries: z.number().int(),
        texts: z.array(z.string()),
        notes: z.array(ImportNote),
        reports: z.array(FormReport),
        findings: z.array(Finding),
      }),
    ),
    rejected: z.array(z.object({ name: z.string(), error: ApiErrorBody })).describe('未能读取的文件及原因'),
  })
  .meta({ id: 'ImportPreview', description: '导入预览' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitted = z
  .object({ departmentId: z.number().int(), evaluations: z.array(EvaluationBrief) })
  .meta({ id: 'ImportCommitted', description: '已保存的表' });
export type ImportCommitted = z.infer<typeof ImportCommitted>;
