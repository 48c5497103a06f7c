/** A1: all points add up to the scheme total; each 一级 group adds up to the points its heading declares. */
import { cmp, trim } from '../../values/exact.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a1PointsAddUp(a: FormAudit, out: Finding[]): void {
  const { score, scheme, ev } = a;
  const total = score.points;
  if (cmp(total, scheme.total) !== 0)
    out.push(
      finding(
        a,
        'A1.TOTAL_POINTS',
        `各项分值合计 ${total} 分，不等于满分 ${scheme.total} 分`,
        { section: 'indicators', field: 'points' },
        {
          points: total,
          expected: scheme.total,
        },
      ),
    );
  for (const g of score.groups) {
    const group = ev.groups.find((x) => x.name === g.level1);
    if (g.declared !== null && cmp(g.points, g.declared) !== 0)
      out.push(
        finding(
          a,
          'A1.GROUP_POINTS',
          `“${group?.label.raw.replace(/\s+/g, '') ?? g.level1}”标明 ${g.declared} 分，其下各指标分值合计 ${g.points} 分`,
          { section: 'indicators', field: 'groups', src: group?.label.src },
          {
            level1: g.level1,
            declared: g.declared,
            points: g.points,
          },
        ),
      );
    const w = scheme.weights.find((x) => x.level1 === g.level1);
    if (w && g.declared !== null && cmp(w.points, g.declared) !== 0)
      out.push(
        finding(
          a,
          'A1.SCHEME_WEIGHT',
          `“${g.level1}”标明 ${g.declared} 分，评分方案“${scheme.name}”规定 ${w.points} 分`,
          { section: 'indicators', field: 'groups' },
          {
            level1: g.level1,
            declared: g.declared,
            scheme: w.points,
          },
        ),
      );
  }
  const written = ev.claimed.points;
  if (written?.value && cmp(written.value, total) !== 0)
    out.push(
      finding(
        a,
        'A1.WRITTEN_POINTS',
        `总分行写的分值合计 ${trim(written.value)} 分，各项分值实际合计 ${total} 分`,
        { section: 'total', field: 'claimed.points', src: written.src },
        {
          written: written.value,
          points: total,
        },
      ),
    );
}
