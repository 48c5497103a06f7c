/** A2: 0 ≤ 得分 ≤ 分值 for every indicator. */
import { cmp, isNegative } from '../../values/exact.ts';
import { finding, indicatorField, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

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
          { field: indicatorField(i, 'claimedScore'), value: negative ? '0' : w, label: `改为 ${negative ? '0' : w} 分` },
        ),
      );
  }
}
