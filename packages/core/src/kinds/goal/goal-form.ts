/**
 * The 项目支出绩效目标申报表 (goal form): one project's declared performance goals for one budget year,
 * filled at budget time and approved by the finance bureau. The year's 自评表 measures its actuals
 * against exactly these targets (docs/rules.md §G).
 *
 * As in the 自评表 model, every cell keeps the text as written (`raw`) beside its parsed value and,
 * when imported, where it came from (`src`). Money stays in the unit the form states (万元 or 元) as
 * exact decimal strings; rules that compare money normalise units first (G2, G9).
 */
import { z } from 'zod';
import { NumberField, Party, Provenance, Target, TextField } from '../../model/evaluation.ts';

/** 项目性质 as the national form lists it. */
export const ProjectNature = z.enum(['一次性', '阶段性', '经常性']);
export type ProjectNature = z.infer<typeof ProjectNature>;

/** 指标值设定依据 (101号: targets are set from a plan, an industry or a historical standard, or otherwise). */
export const TargetBasis = z.enum(['计划标准', '行业标准', '历史标准', '其他标准']);
export type TargetBasis = z.infer<typeof TargetBasis>;

/** The money unit a goal form states in its money block (项目资金（万元）or（元）). */
export const MoneyUnit = z.enum(['万元', '元']);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

/** One 三级 indicator of the goal tree. */
export const GoalIndicator = z.object({
  /** stable id: follows the indicator through approval, the self-evaluation and next year's goals; never a position */
  id: z.string().min(1).max(64),
  /** 一级指标, canonical: 产出指标, 效益指标, 满意度指标, 成本指标 (its own 一级 in newer forms, R8) */
  level1: z.string(),
  /** 二级指标 as written */
  level2: TextField,
  /** 三级指标 as written */
  name: TextField,
  /** 年度指标值 as written: direction, number and unit (`≥95%`), or words for a qualitative target */
  target: Target,
  /** 中长期指标值, for a multi-year (阶段性) project: the whole period's target beside the year's */
  longTermTarget: Target.optional(),
  /** 分值 / 权重, in 分, where the form has them */
  points: NumberField.optional(),
  /** 指标值设定依据 as written, and which of the four standards it names (null when none) */
  basis: TextField.extend({ kind: TargetBasis.nullable() }).optional(),
  /** 调整后指标值 and its reason: set only after approval, both values are kept; the adjusted one is scored */
  adjusted: z.object({ target: Target, reason: TextField }).optional(),
  /** the row as a whole */
  src: Provenance.optional(),
});
export type GoalIndicator = z.infer<typeof GoalIndicator>;

export const GoalForm = z
  .object({
    formatVersion: z.literal(1),
    kind: z.literal('goal'),
    /** the 评分方案 whose weights and severities apply (see schemes/) */
    schemeId: z.string(),
    /** the paper layout: national */
    layout: z.string(),
    /** 年度 (the budget year the goals are for) */
    year: z.number().int().nullable(),
    title: TextField.optional(),
    project: z.object({
      /** 项目名称 */
      name: TextField,
      code: TextField.optional(),
      /** 项目性质 as written and which of 一次性/阶段性/经常性 it is (null when none) */
      nature: TextField.extend({ kind: ProjectNature.nullable() }).optional(),
      /** 项目类别 */
      category: TextField.optional(),
      /** 主管部门 */
      department: Party.optional(),
      /** 实施单位 */
      implementer: Party.optional(),
      /** 起止年月 (计划开始/完成), as written, with the years they name when readable */
      period: z
        .object({
          raw: z.string(),
          src: Provenance.optional(),
          startYear: z.number().int().nullable(),
          endYear: z.number().int().nullable(),
        })
        .optional(),
    }),
    money: z.object({
      /** the unit the form states; every figure below is in it */
      unit: MoneyUnit,
      /** the unit as written (`项目资金（万元）`), when the form writes one */
      unitRaw: TextField.optional(),
      /** 项目资金总额 / 中长期资金总额: all years of the project */
      total: NumberField.optional(),
      /** 年度资金总额: this year */
      annual: NumberField.optional(),
      /** 其中：财政拨款 */
      fiscal: NumberField.optional(),
      /** 其中：上年结转 */
      carryover: NumberField.optional(),
      /** 其中：其他资金 */
      other: NumberField.optional(),
    }),
    goals: z.object({
      /** 总体目标 › 中长期目标 (项目总目标) */
      longTerm: TextField.optional(),
      /** 总体目标 › 年度目标 */
      annual: TextField.optional(),
    }),
    indicators: z.array(GoalIndicator).max(500),
    filler: z.object({ name: TextField.optional(), phone: TextField.optional() }).optional(),
    /** the source document, when imported */
    source: z.object({ file: z.string(), sha256: z.string().optional(), index: z.number().int() }).optional(),
  })
  .describe('项目支出绩效目标申报表');
export type GoalForm = z.infer<typeof GoalForm>;

/** `阶段性（3年）` → 阶段性; null when the text names none of the three. */
export function projectNature(raw: string): ProjectNature | null {
  for (const k of ProjectNature.options) if (raw.includes(k)) return k;
  return null;
}

/** `行业标准` / `参考行业标准` → 行业标准; null when none of the four is named. */
export function targetBasis(raw: string): TargetBasis | null {
  for (const k of TargetBasis.options) if (raw.includes(k) || raw.includes(k.slice(0, 2))) return k;
  return null;
}

/** `2024年1月-2026年12月` → 2024, 2026; a single year → that year twice; nothing readable → nulls. */
export function periodYears(raw: string): { startYear: number | null; endYear: number | null } {
  const years = [...raw.matchAll(/(\d{4})\s*年?/g)].map((m) => Number(m[1])).filter((y) => y >= 1990 && y <= 2100);
  if (years.length === 0) return { startYear: null, endYear: null };
  return { startYear: years[0]!, endYear: years[years.length - 1]! };
}

/** A multi-year project: 阶段性, a period over more than one year, or 中长期 values on its indicators. */
export function isMultiYear(form: GoalForm): boolean {
  const p = form.project.period;
  if (p && p.startYear !== null && p.endYear !== null && p.endYear > p.startYear) return true;
  if (form.project.nature?.kind === '阶段性') return true;
  return form.indicators.some((i) => i.longTermTarget !== undefined && i.longTermTarget.raw.trim() !== '');
}

/** The published JSON Schema of a goal form (docs/goal-form.schema.json), generated from zod. */
export function goalFormJsonSchema(): Record<string, unknown> {
  return { title: '项目支出绩效目标申报表 (jixiao GoalForm)', ...z.toJSONSchema(GoalForm, { target: 'draft-2020-12' }) };
}
