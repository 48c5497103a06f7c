/**
 * G5 zero: a target of 0 on a positive indicator (≥0, >0) promises nothing; the finance platform's own
 * checks refuse such targets. Written without a symbol where the 二级 defaults to ≥ it is only
 * probably wrong (`0起` may mean "none at all", better written ＝0 or ≤0).
 */
import type { Finding } from '../../../audit/finding.ts';
import { isZero } from '../../../values/exact.ts';
import { senseOf } from '../direction.ts';
import { atTarget, goalFinding, type GoalLint } from '../lint-context.ts';

export function g5Zero(l: GoalLint, out: Finding[]): void {
  for (const r of l.rows) {
    const p = r.parsed;
    if (p.kind !== 'quantity' || !isZero(p.value)) continue;
    if (senseOf(p.op, r.category, l.scheme) !== 'higher') continue;
    const raw = r.target.raw.trim();
    if (p.op !== null)
      out.push(
        goalFinding(l, 'G5.ZERO_TARGET', `“${r.ind.name.raw}”的指标值“${raw}”是正向指标的 0：任何结果都能达到，目标没有意义`, atTarget(r), {
          target: r.target.raw,
        }),
      );
    else
      out.push(
        goalFinding(
          l,
          'G5.ZERO_UNSIGNED',
          `“${r.ind.name.raw}”的指标值“${raw}”为 0 且未写符号，${r.category}默认按正向（≥）理解；如指“不发生”，请写作“＝0”或“≤0”`,
          atTarget(r),
          {
            target: r.target.raw,
          },
        ),
      );
  }
}
