/**
 * The core model of one 项目支出绩效自评表 (one project, one year).
 *
 * Every field read from a form keeps the text exactly as written (`raw`) beside its parsed value,
 * and, when imported, where it came from (`src`), so that a finding can point at the cell and an
 * export can reproduce the form. Money is in 万元 and scores in 分, both as exact decimal strings:
 * JSON numbers would lose digits, and the scoring engine works in decimal arithmetic anyway.
 */
import { z } from 'zod';
import { boundedDecimalPattern, NUMBER_BOUNDS, type NumberKind } from '../values/bounds.ts';

/**
 * Where a value came from: file, then table, row and column (a worksheet's own row and column numbers
 * for .xlsx), or the line of a text dump. All counted from 1, the way a person finds the cell.
 */
export const Provenance = z
  .object({
    file: z.string().optional(),
    table: z.number().int().optional(),
    row: z.number().int().optional(),
    col: z.number().int().optional(),
    line: z.number().int().optional(),
  })
  .describe('来源位置');
export type Provenance = z.infer<typeof Provenance>;

/**
 * Text lengths (issue 24: a 10 MB project name made every department list 10 MB): a cell of a form is at
 * most TEXT_MAX characters (the longest narrative of the real forms is ≈ 500); names are shorter.
 */
export const TEXT_MAX = 20_000;
export const NAME_MAX = 200;
export const INDICATOR_NAME_MAX = 500;
const tooLong = (max: number) => `文字过长：最多 ${max} 个字符`;

/** A text cell as written. */
export const TextField = z.object({ raw: z.string().max(TEXT_MAX, tooLong(TEXT_MAX)), src: Provenance.optional() });
export type TextField = z.infer<typeof TextField>;
const NameField = z.object({ raw: z.string().max(NAME_MAX, tooLong(NAME_MAX)), src: Provenance.optional() });

/** The message of a number outside its kind's bounds; the API answers VALUE.OUT_OF_RANGE for it. */
export const outOfRangeMessage = (kind: NumberKind) => `数值超出范围：${NUMBER_BOUNDS[kind].label}`;

/**
 * A decimal string such as "16.94" or "-0.5": exact, no exponent, with at most 20 digits before the
 * point and 40 after it (values/bounds.ts) — a longer one is refused before any arithmetic.
 */
export const DecimalString = z.string().regex(boundedDecimalPattern('decimal'), outOfRangeMessage('decimal'));
const decimalOf = (kind: NumberKind) => z.string().regex(boundedDecimalPattern(kind), outOfRangeMessage(kind));

/**
 * A numeric cell: `raw` as written, `value` the exact decimal it states (null when the text is not a
 * number). Units are those of the field (万元 for money, 分 for points/scores, % for rates: "99.6" = 99.6%).
 */
export const NumberField = z.object({ raw: z.string().max(TEXT_MAX, tooLong(TEXT_MAX)), value: DecimalString.nullable(), src: Provenance.optional() });
export type NumberField = z.infer<typeof NumberField>;
/** money in 万元, below 10⁹ 万元; points and scores in 分, below 1,000; rates in %, below 10⁶ (values/bounds.ts) */
const MoneyField = NumberField.extend({ value: decimalOf('money').nullable() });
const PointsField = NumberField.extend({ value: decimalOf('points').nullable() });
const RateField = NumberField.extend({ value: decimalOf('rate').nullable() });

export const Party = z.object({
  /** the unit's name, without its code */
  name: NameField,
  /** the unit's budget code when the form gives one (`007-中国共产党…` → `007`) */
  code: TextField.optional(),
});
export type Party = z.infer<typeof Party>;

export const BudgetLineKind = z.enum([
  'total', // 年度资金总额 / 预算数
  'current', // 当年财政拨款
  'carryover', // 上年结转资金
  'other', // 其他资金 / 其他
  'fiscal', // 财政资金 / 市县区财政资金
]);
export type BudgetLineKind = z.infer<typeof BudgetLineKind>;

/** One row of the budget block. All money in 万元; rate in %; points and score in 分. */
export const BudgetLine = z.object({
  kind: BudgetLineKind,
  label: TextField,
  /** 年初预算数 (when not split) */
  initial: MoneyField.optional(),
  /** 年初预算数 › 目标申报数 (Yunzhou layout) */
  declared: MoneyField.optional(),
  /** 年初预算数 › 预算编制数 (Yunzhou layout) */
  prepared: MoneyField.optional(),
  /** 全年预算数 (adjusted budget; Hebei: 预算数（调整后）) */
  adjusted: MoneyField.optional(),
  /** 到位数 */
  received: MoneyField.optional(),
  /** 全年执行数 */
  executed: MoneyField.optional(),
  /** 资金结(转)余 */
  balance: MoneyField.optional(),
  /** 执行率 as written, in % */
  rate: RateField.optional(),
  /** 分值 of the budget block, in 分 */
  points: PointsField.optional(),
  /** 得分 of the budget block as written, in 分 */
  score: PointsField.optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/** A target as written; the Hebei layout splits it into 符号/值/单位 columns. */
export const Target = TextField.extend({
  parts: z.object({ symbol: TextField, value: TextField, unit: TextField }).optional(),
});
export type Target = z.infer<typeof Target>;

/**
 * A sub-row under an indicator (`其中：…`) that carries no points of its own: kept as written, as a
 * part of its indicator, and never scored (issue 21).
 */
export const SubIndicator = z.object({ name: TextField, target: TextField, actual: TextField, src: Provenance.optional() });
export type SubIndicator = z.infer<typeof SubIndicator>;

/**
 * One 三级 indicator row. `id` names the indicator in its project-year's tree: the goal form, the
 * monitoring form and the self-evaluation of one project and year share it, and 复核得分, findings and
 * the history point at it, never at the row's position (rows are reordered and deleted). A form read
 * from a file or an older release has none until it is stored: `withIndicatorIds` gives them.
 */
export const Indicator = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '指标编号只能由字母、数字、-、_ 组成')
    .optional(),
  /** 一级指标 canonical name: 产出指标, 效益指标, 满意度指标, 预算执行率, 成本指标 */
  level1: z.string(),
  /** 二级指标 as written (数量指标, 社会效益 指标, …) */
  level2: TextField,
  /** 三级指标 as written */
  name: z.object({ raw: z.string().max(INDICATOR_NAME_MAX, tooLong(INDICATOR_NAME_MAX)), src: Provenance.optional() }),
  /** 分值, in 分 */
  points: PointsField,
  /** 年度指标值 / 年初指标值 (A) */
  target: Target,
  /** 调整后指标值: when present and not empty it is the target that counts */
  targetAdjusted: TextField.optional(),
  /** 调整原因: why the target was adjusted after the goals were approved (carried from the goal form, R4.adjusted) */
  adjustReason: TextField.optional(),
  /** 实际完成值 / 全年实际值 (B) */
  actual: TextField,
  /** 单项指标完成情况（文字描述） (Hebei layout) */
  completion: TextField.optional(),
  /** 得分 as written, in 分 */
  claimedScore: PointsField,
  /** 偏差原因分析及改进措施 */
  deviation: TextField.optional(),
  /** 得分计算方法 (Ningxia layout), as written on this row */
  method: TextField.optional(),
  /** `其中…` rows under this indicator, without points: kept, not scored */
  children: z.array(SubIndicator).optional(),
  /** dropped from scoring (R2); the scheme says whether the other points are rescaled */
  notApplicable: z.boolean().optional(),
  /** the row as a whole */
  src: Provenance.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** A 一级指标 heading with the points it declares, e.g. `产出指标（50）`. */
export const Level1Group = z.object({
  name: z.string(),
  label: TextField,
  /** points declared in the heading, in 分; null when the heading declares none */
  declaredPoints: decimalOf('points').nullable(),
  /** 二级 categories present on the form with no 三级 indicator under them (allowed, no points) */
  emptyLevel2: z.array(TextField).optional(),
});
export type Level1Group = z.infer<typeof Level1Group>;

export const NarrativeKind = z.enum([
  'execution-analysis', // 项目实施和预算执行情况及分析
  'output-analysis', // 产出情况及分析
  'benefit-analysis', // 效益情况及分析
  'satisfaction-analysis', // 满意度情况及分析
  'experience', // 主要经验做法
  'problems', // 存在问题（及原因）
  'measures', // 改进措施 / 管理建议
  'problems-and-measures', // 存在问题、原因及下一步整改措施 (one block)
  'remarks', // 备注 / 注
]);
export type NarrativeKind = z.infer<typeof NarrativeKind>;

export const Narrative = z.object({ kind: NarrativeKind, label: TextField, text: TextField });
export type Narrative = z.infer<typeof Narrative>;

export const Evaluation = z
  .object({
    formatVersion: z.literal(1),
    /** which 评分方案 scores this form (see schemes/) */
    schemeId: z.string(),
    /** the paper layout the form follows: national, hebei, yunzhou, ningxia */
    layout: z.string(),
    /** 年度 (issue 24: −5 and 99,999,999 were stored) */
    year: z.number().int().min(1990, '年度应在 1990 到 2100 之间').max(2100, '年度应在 1990 到 2100 之间').nullable(),
    title: TextField.optional(),
    project: z.object({
      name: NameField,
      code: TextField.optional(),
      /** 项目级次 */
      level: TextField.optional(),
      /** 资金类型 (from the department's 汇总表 when the form has none) */
      fundType: TextField.optional(),
      /** 主管部门 */
      department: Party.optional(),
      /** 实施单位 / 预算单位 */
      implementer: Party.optional(),
      /** 填报单位 */
      fillingUnit: TextField.optional(),
    }),
    budget: z.object({
      unit: z.literal('万元'),
      lines: z.array(BudgetLine),
    }),
    goals: z.object({
      expected: TextField.optional(),
      achieved: TextField.optional(),
      /** 总体完成率, in % */
      completionRate: RateField.optional(),
    }),
    groups: z.array(Level1Group),
    indicators: z.array(Indicator),
    narratives: z.array(Narrative),
    claimed: z.object({
      /** 总分 / 自评总分 as written, in 分 */
      total: PointsField.optional(),
      /** Σ 分值 written on the 总分 row, in 分 */
      points: PointsField.optional(),
      /** 自评等级 as written */
      grade: TextField.optional(),
    }),
    filler: z.object({ name: TextField.optional(), phone: TextField.optional() }).optional(),
    /** the source document, when imported */
    source: z.object({ file: z.string(), sha256: z.string().optional(), index: z.number().int() }).optional(),
  })
  .describe('项目支出绩效自评表');
export type Evaluation = z.infer<typeof Evaluation>;
