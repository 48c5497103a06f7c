/**
 * What scoring computes (R1–R8), as the API sends it: the parsed target and actual, each indicator's
 * score, budget execution (R3), the 一级 subtotals and the total. The core's interfaces
 * (scoring/*.ts, values/parse-value.ts) stay the types the code computes with; these schemas must
 * describe them exactly, which `packages/core/test/api-contract.test.ts` checks at compile time.
 */
import { z } from 'zod';

const Comparison = z.enum(['>=', '>', '<=', '<', '=']);
const Tier = z.enum(['met', 'partial', 'unmet']);
const Quantity = { value: z.string(), unit: z.string(), approximate: z.boolean() };

export const ParsedValue = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('empty'), raw: z.string() }),
    z.object({ kind: z.literal('quantity'), raw: z.string(), op: Comparison.nullable(), ...Quantity }),
    z.object({ kind: z.literal('tier'), raw: z.string(), tier: Tier }),
    z.object({ kind: z.literal('word'), raw: z.string(), word: z.string(), year: z.number().int().nullable() }),
    z.object({
      kind: z.literal('date'),
      raw: z.string(),
      year: z.number().int().nullable(),
      month: z.number().int().nullable(),
      day: z.number().int().nullable(),
      wholeYear: z.boolean(),
      deadline: z.boolean(),
    }),
    z.object({ kind: z.literal('list'), raw: z.string(), parts: z.array(z.object(Quantity)) }),
    z.object({ kind: z.literal('unparseable'), raw: z.string(), reason: z.string() }),
  ])
  .meta({ id: 'ParsedValue', description: '解析后的指标值' });
export type ParsedValue = z.infer<typeof ParsedValue>;

export const IndicatorScore = z
  .object({
    index: z.number().int().describe('指标在表中的位置（从 0 起）'),
    level1: z.string(),
    category: z.string().describe('二级指标（规范名称）'),
    points: z.string().nullable().describe('分值，分'),
    score: z.string().nullable().describe('按规则计算的得分，分'),
    claimed: z.string().nullable().describe('表中填写的得分，分'),
    rule: z.enum(['R4.positive', 'R4.reverse', 'R4.equality', 'R4.list', 'R6.tier', 'R2.not-applicable', 'manual']),
    basis: z.enum(['rule', 'claimed', 'none']),
    explanation: z.string().describe('计算过程（中文）'),
    tier: Tier.nullable(),
    direction: Comparison.nullable(),
    completion: z.string().nullable(),
    overCompletion: z.string().nullable(),
    target: ParsedValue,
    actual: ParsedValue,
    targetUsed: z.enum(['initial', 'adjusted']),
  })
  .meta({ id: 'IndicatorScore', description: '一个三级指标的得分' });
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const BudgetExecution = z
  .object({
    budget: z.string().nullable().describe('全年预算数，万元'),
    budgetField: z.enum(['adjusted', 'prepared', 'initial', 'declared']).nullable(),
    executed: z.string().nullable().describe('全年执行数，万元'),
    received: z.string().nullable().describe('到位数，万元'),
    rate: z.string().nullable().describe('执行率（小数）'),
    ratePercent: z.string().nullable().describe('执行率，%'),
    points: z.string().nullable(),
    score: z.string().nullable(),
    inTotal: z.boolean(),
    claimedScore: z.string().nullable(),
    claimedRate: z.string().nullable(),
    explanation: z.string(),
  })
  .meta({ id: 'BudgetExecution', description: '预算执行情况（R3）' });
export type BudgetExecution = z.infer<typeof BudgetExecution>;

export const GroupScore = z.object({
  level1: z.string(),
  declared: z.string().nullable(),
  points: z.string(),
  score: z.string(),
  claimed: z.string(),
});
export type GroupScore = z.infer<typeof GroupScore>;

export const EvaluationScore = z
  .object({
    schemeId: z.string(),
    budget: BudgetExecution,
    indicators: z.array(IndicatorScore),
    groups: z.array(GroupScore),
    points: z.string(),
    total: z.string().describe('计算总分，分'),
    maxTotal: z.string(),
    grade: z.string(),
    claimedTotal: z.string().nullable(),
    claimedGrade: z.string().nullable(),
    manualCount: z.number().int(),
  })
  .meta({ id: 'EvaluationScore', description: '按评分规则计算的得分' });
export type EvaluationScore = z.infer<typeof EvaluationScore>;
