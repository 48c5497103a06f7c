/** A2: 0 ≤ 得分 ≤ 分值 for every indicator. */
import { add, cmp, isNegative, sub, trim } from '../../values/exact.ts';
import { finding, indicatorField, type FormAudit } from '../context.ts';
import type { Finding, SuggestedFix } from '../finding.ts';
import { claimedSumOf, totalInStep } from './a5-total-and-grade.ts';

export function a2ScoreRange(a: FormAudit, out: Finding[]): void {
  const { indicators } = a.ev;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    const c = ind.claimedScore.value;
    const w = ind.points.value;
    if (c === null || w === null) continue;
    const negative = isNegative(c);
    if (negative || cmp(c, w) > 0)
      out.push(
        finding(
          a,
          'A2.SCORE_RANGE',
          `“${ind.name.raw}”得分 ${c} 分超出 0–${w} 分（得分不能超过指标分值）`,
          { section: 'indicators', indicator: i, field: 'claimedScore', src: ind.claimedScore.src },
          { claimed: c, points: w },
          bounded(a, i, c, negative ? '0' : w),
        ),
      );
  }
}

/** The fix writing the bound, with the 总分 and 等级 kept in step when they followed the claims (A5). */
function bounded(a: FormAudit, i: number, claimed: string, value: string): SuggestedFix {
  const field = indicatorField(i, 'claimedScore');
  const also = a.ev.indicators[i]!.notApplicable ? [] : totalInStep(a, trim(add([sub(claimedSumOf(a), claimed), value])));
  const label = `改为 ${value} 分${also.length ? `（总分随之改为 ${also[0]!.value} 分）` : ''}`;
  return also.length ? { field, value, label, also } : { field, value, label };
}
