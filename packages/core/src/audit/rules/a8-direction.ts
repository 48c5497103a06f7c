/** A8: the direction is plausible: 数量 indicators take ≥ or =; 成本 indicators take ≤ or =. */
import type { Comparison } from '../../values/parse-value.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

/**
 * A8's test on its own, shared with the goal linter (G7): the directions a canonical 二级 should take
 * when `op` is implausible for it (`≥ 或 =`), or null when `op` is plausible.
 */
export function implausibleDirection(category: string, op: Comparison): string | null {
  if (category === '数量指标' && (op === '<=' || op === '<')) return '≥ 或 =';
  if (category.includes('成本') && (op === '>=' || op === '>')) return '≤ 或 =';
  return null;
}

export function a8Direction(a: FormAudit, out: Finding[]): void {
  for (const s of a.score.indicators) {
    if (s.target.kind !== 'quantity' || s.target.op === null) continue;
    const expected = implausibleDirection(s.category, s.target.op);
    if (expected === null) continue;
    const ind = a.ev.indicators[s.index]!;
    out.push(
      finding(
        a,
        'A8.DIRECTION',
        `${s.category}“${ind.name.raw}”的指标值写作“${s.target.raw.trim()}”，通常应为 ${expected}（方向是否写反？）`,
        { section: 'indicators', indicator: s.index, field: 'target', src: ind.target.src },
        {
          category: s.category,
          target: s.target.raw,
        },
      ),
    );
  }
}
