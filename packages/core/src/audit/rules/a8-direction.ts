/** A8: the direction is plausible: 数量 indicators take ≥ or =; 成本 indicators take ≤ or =. */
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a8Direction(a: FormAudit, out: Finding[]): void {
  for (const s of a.score.indicators) {
    if (s.target.kind !== 'quantity' || s.target.op === null) continue;
    const op = s.target.op;
    const ind = a.ev.indicators[s.index]!;
    const wrong = (s.category === '数量指标' && (op === '<=' || op === '<')) || (s.category.includes('成本') && (op === '>=' || op === '>'));
    if (!wrong) continue;
    const expected = s.category === '数量指标' ? '≥ 或 =' : '≤ 或 =';
    out.push(
      finding(a, 'A8.DIRECTION', `${s.category}“${ind.name.raw}”的指标值写作“${s.target.raw.trim()}”，通常应为 ${expected}（方向是否写反？）`, { section: 'indicators', indicator: s.index, field: 'target', src: ind.target.src }, {
        category: s.category,
        target: s.target.raw,
      }),
    );
  }
}
