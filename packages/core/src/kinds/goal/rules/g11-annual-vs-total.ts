/**
 * G11 annual vs total: a multi-year (阶段性) project's annual target must not simply repeat the whole
 * period's, for its indicators (年度指标值 = 中长期指标值) and for its goals text (年度目标 = 中长期目标):
 * 101号 sets 年度 targets as the year's share of the 中长期 ones.
 */
import type { Finding } from '../../../audit/finding.ts';
import { squash } from '../../../values/normalize.ts';
import { goalFinding, type GoalLint } from '../lint-context.ts';
import { isMultiYear } from '../goal-form.ts';

export function g11AnnualVsTotal(l: GoalLint, out: Finding[]): void {
  if (!isMultiYear(l.form)) return;
  for (const r of l.rows) {
    const lt = r.ind.longTermTarget;
    if (!lt || lt.raw.trim() === '' || r.parsed.kind === 'empty') continue;
    // Only amounts that accumulate over the years (人次, 次, 公里, 万元) must differ: a standard (≥95% 合格率,
    // ≤800元/人次) or a qualitative level is the same every year by nature.
    if (r.parsed.kind !== 'quantity' || r.parsed.unit.includes('%') || r.parsed.unit.includes('/')) continue;
    if (squash(lt.raw) !== squash(r.ind.target.raw)) continue;
    const where = {
      section: 'indicators' as const,
      indicator: r.index,
      indicatorId: r.ind.id,
      field: `indicators[${r.index}].target`,
      ...(r.ind.target.src ? { src: r.ind.target.src } : {}),
    };
    out.push(
      goalFinding(
        l,
        'G11.SAME_AS_LONG_TERM',
        `“${r.ind.name.raw}”的年度指标值与中长期指标值相同（“${lt.raw.trim()}”）：多年项目的年度目标应是本年度应完成的部分`,
        where,
        { target: r.ind.target.raw, longTerm: lt.raw },
      ),
    );
  }
  const a = l.form.goals.annual;
  const t = l.form.goals.longTerm;
  if (a && t && a.raw.trim() !== '' && squash(a.raw) === squash(t.raw))
    out.push(
      goalFinding(
        l,
        'G11.SAME_GOAL_TEXT',
        '年度目标与中长期目标文字相同：应写明本年度要完成的内容',
        { section: 'goals', field: 'goals.annual', ...(a.src ? { src: a.src } : {}) },
        {},
      ),
    );
}
