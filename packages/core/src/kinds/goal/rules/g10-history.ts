/**
 * G10 history: where last year's record of the same indicator (by id) exists, a target below what was
 * already achieved, or one that last year's actual beat by 30% or more. 10号 asks targets to be
 * "合理"; integrated systems deduct 2 points at self-evaluation when "完成值超过年初设置指标值30%及以上",
 * so a target set that low costs the unit at year end. For ≤ targets the mirror holds.
 */
import type { Finding } from '../../../audit/finding.ts';
import { cmp, cmpProducts } from '../../../values/exact.ts';
import { commensurate, parseValue } from '../../../values/parse-value.ts';
import { senseOf } from '../direction.ts';
import { atTarget, goalFinding, type GoalLint } from '../lint-context.ts';

export function g10History(l: GoalLint, out: Finding[]): void {
  if (!l.previous) return;
  const actuals = new Map(l.previous.indicators.map((p) => [p.id, p.actual]));
  for (const r of l.rows) {
    const actualRaw = actuals.get(r.ind.id);
    if (actualRaw === undefined || r.parsed.kind !== 'quantity') continue;
    const last = parseValue(actualRaw);
    if (last.kind !== 'quantity' || last.approximate) continue;
    const c = commensurate(r.parsed, last);
    if (!c.ok) continue;
    const sense = senseOf(r.parsed.op, r.category, l.scheme);
    if (sense === 'exact') continue; // ＝ targets are quotas (＝100%, ＝12次): history does not loosen them
    const target = c.a;
    const actual = c.b;
    const raw = r.target.raw.trim();
    const numbers = { target: r.target.raw, lastActual: actualRaw, targetValue: target, lastActualValue: actual, unit: c.unit };
    // beaten by 30%: actual ≥ 1.3 × target (higher is better), actual ≤ 0.7 × target (lower is better); compared as exact products
    // (a target of 0 has no 30% to beat: G5 speaks of it)
    const beaten =
      cmp(target, '0') > 0 && (sense === 'higher' ? cmpProducts([actual, '10'], [target, '13']) >= 0 : cmpProducts([actual, '10'], [target, '7']) <= 0);
    const looser = sense === 'higher' ? cmp(target, actual) < 0 : cmp(target, actual) > 0;
    if (beaten)
      out.push(
        goalFinding(
          l,
          'G10.BEATEN_BY_30',
          `“${r.ind.name.raw}”的指标值“${raw}”，上年实际已达 ${actualRaw.trim()}，${sense === 'higher' ? '超出' : '优于'}目标 30% 以上：目标${sense === 'higher' ? '偏低' : '偏宽'}，年终自评可能被扣分`,
          atTarget(r),
          numbers,
        ),
      );
    else if (looser)
      out.push(
        goalFinding(
          l,
          'G10.BELOW_LAST_ACTUAL',
          `“${r.ind.name.raw}”的指标值“${raw}”${sense === 'higher' ? '低于' : '宽于'}上年实际完成值 ${actualRaw.trim()}，请说明理由或提高目标`,
          atTarget(r),
          numbers,
        ),
      );
  }
}
