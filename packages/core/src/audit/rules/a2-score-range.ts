/** A2: 0 ≤ 得分 ≤ 分值 for every indicator. */
import { Dec } from '../../values/decimal.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a2ScoreRange(a: FormAudit): Finding[] {
  const out: Finding[] = [];
  a.ev.indicators.forEach((ind, i) => {
    const c = ind.claimedScore.value;
    const w = ind.points.value;
    if (c === null || w === null) return;
    const claimed = new Dec(c);
    if (claimed.isNegative() || claimed.greaterThan(w))
      out.push(
        finding(
          a,
          'A2.SCORE_RANGE',
          `“${ind.name.raw}”得分 ${c} 分超出 0–${w} 分（得分不能超过指标分值）`,
          { section: 'indicators', indicator: i, field: 'claimedScore', ...(ind.claimedScore.src && { src: ind.claimedScore.src }) },
          { claimed: c, points: w },
          { field: `indicators[${i}].claimedScore`, value: claimed.isNegative() ? '0' : w, label: `改为 ${claimed.isNegative() ? '0' : w} 分` },
        ),
      );
  });
  return out;
}
