/**
 * G7 direction: as the audit's A8 (数量 ≥ or ＝, 成本 ≤ or ＝), and rates that are better lower (故障率,
 * 投诉率 …) take ≤ while rates that are better higher (合格率, 满意度 …) take ≥. Caught at budget time,
 * the fix costs a keystroke; caught at year end (A8) the target is already approved.
 */
import type { Finding } from '../../../audit/finding.ts';
import { implausibleDirection } from '../../../audit/rules/a8-direction.ts';
import { HIGHER_IS_BETTER, LOWER_IS_BETTER } from '../direction.ts';
import { atTarget, goalFinding, nameOf, type GoalLint } from '../lint-context.ts';

export function g7Direction(l: GoalLint, out: Finding[]): void {
  for (const r of l.rows) {
    const p = r.parsed;
    if (p.kind !== 'quantity' || p.op === null) continue;
    const raw = r.target.raw.trim();
    const expected = implausibleDirection(r.category, p.op);
    if (expected !== null) {
      out.push(
        goalFinding(l, 'G7.DIRECTION', `${r.category}“${r.ind.name.raw}”的指标值写作“${raw}”，通常应为 ${expected}（方向是否写反？）`, atTarget(r), {
          category: r.category,
          target: r.target.raw,
        }),
      );
      continue;
    }
    const name = nameOf(r);
    const lower = LOWER_IS_BETTER.exec(name);
    if (lower && (p.op === '>=' || p.op === '>')) {
      // 故障率 ≥5% can only be a slip of the symbol: the fix swaps it and keeps the rest as written.
      const fixed = raw.replace(/^(≥|>=|＞=|≧|⩾|＞|>)/, p.op === '>=' ? '≤' : '<');
      out.push(
        goalFinding(
          l,
          'G7.LOWER_IS_BETTER',
          `“${r.ind.name.raw}”（${lower[0]}）越低越好，指标值却写作“${raw}”，应为“≤”`,
          atTarget(r),
          { target: r.target.raw, word: lower[0] },
          fixed !== raw ? { field: atTarget(r).field!, value: fixed, label: `改为“${fixed}”` } : undefined,
        ),
      );
      continue;
    }
    const higher = HIGHER_IS_BETTER.exec(name);
    if (higher && !lower && (p.op === '<=' || p.op === '<'))
      out.push(
        goalFinding(l, 'G7.HIGHER_IS_BETTER', `“${r.ind.name.raw}”（${higher[0]}）越高越好，指标值却写作“${raw}”，通常应为“≥”`, atTarget(r), {
          target: r.target.raw,
          word: higher[0],
        }),
      );
  }
}
