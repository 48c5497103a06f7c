/**
 * 评分方案 (scoring scheme): everything that varies between regions is data here, never an
 * `if (region === …)` in code (docs/rules.md, preamble). Points are in 分, shares and thresholds are
 * fractions ("0.2" = 20%).
 */
import { z } from 'zod';
import { DecimalString } from '../model/evaluation.ts';

const Share = DecimalString.describe('a fraction, "0.2" = 20%');
const Direction = z.enum(['>=', '<=']);

export const Scheme = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  description: z.string(),
  /** maximum total, 分 (R2: no bonus points) */
  total: DecimalString,
  /** R1: lowest total of each grade, best first; the last must start at 0 */
  grades: z.array(z.object({ grade: z.string(), min: DecimalString })).min(1),
  /** decimals kept for every score (R4: rounded only at the end of each indicator) */
  decimals: z.number().int().min(0).max(4),
  /** R2: points of each 一级 group, 分 */
  weights: z.array(z.object({ level1: z.string(), points: DecimalString })),
  /** R3: how budget execution is scored */
  budget: z.discriminatedUnion('mode', [
    // national layout: the budget block carries `points`, score = min(执行率, 1) × points, inside the total
    z.object({ mode: z.literal('block'), points: DecimalString }),
    // Ningxia layout: a budget block scored the same way but kept outside the total (R7)
    z.object({ mode: z.literal('separate'), points: DecimalString }),
    // Hebei layout: an ordinary positive indicator under this 一级 name, e.g. target `≥95%`
    z.object({ mode: z.literal('indicator'), level1: z.string(), target: z.string() }),
  ]),
  /** R6: share of the points each tier allows, [min, max] */
  tiers: z.object({
    met: z.tuple([Share, Share]),
    partial: z.tuple([Share, Share]),
    unmet: z.tuple([Share, Share]),
  }),
  /** R5: over-completion beyond this share of the target needs an explanation */
  overCompletionThreshold: Share,
  /** direction of a quantitative target written without a symbol, by canonical 二级指标; `*` for the rest */
  defaultDirection: z.record(z.string(), Direction),
  /** R2: drop not-applicable indicators and rescale the remaining points to the total */
  rescaleNotApplicable: z.boolean(),
  /** thresholds and severities of the audit rules (docs/rules.md, A) */
  audit: z.object({
    /** A3: claimed 执行率 may differ from the recomputed one by this many percentage points */
    rateTolerancePoints: DecimalString,
    /** A4: a claimed score within this many 分 of the recomputed one is not reported */
    scoreTolerance: DecimalString,
    /** A6: 执行率 below this share needs an explanation */
    lowExecutionRate: Share,
    /** A11: indicator completion may exceed execution by this relative share */
    completionExecutionGap: Share,
    /** A11: unspent share of the budget above this is a warning */
    unspentShare: Share,
    /** overrides of the default severity of finding codes (audit/severity.ts), e.g. {"A8.DIRECTION": "error"} */
    severity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).optional(),
  }),
});
export type Scheme = z.infer<typeof Scheme>;
