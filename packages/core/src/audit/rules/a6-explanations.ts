/**
 * A6: an explanation (偏差原因分析及改进措施) is present whenever a score is below full marks, an
 * over-completion exceeds the threshold (R5), or 执行率 is below the scheme's floor. Layouts without
 * a per-row explanation column (Hebei) explain in the form's 存在问题 block instead.
 */
import { cmp, mulDiv } from '../../values/exact.ts';
import { hasText } from '../../values/normalize.ts';
import { finding, type FormAudit } from '../context.ts';
import { percentOf } from '../scheme-figures.ts';
import type { Finding } from '../finding.ts';

const PROBLEM_BLOCKS = new Set(['problems', 'problems-and-measures', 'measures']);

export function a6Explanations(a: FormAudit, out: Finding[]): void {
  const { ev, score, scheme } = a;
  const formExplains = ev.narratives.some((n) => PROBLEM_BLOCKS.has(n.kind) && hasText(n.text.raw));
  for (const s of score.indicators) {
    if (s.points === null || s.rule === 'R2.not-applicable') continue;
    const shown = s.basis === 'claimed' ? s.claimed : s.score;
    const below = shown !== null && cmp(shown, s.points) < 0;
    if (!below && s.overCompletion === null) continue;
    const ind = ev.indicators[s.index]!;
    if (ind.deviation === undefined ? formExplains : hasText(ind.deviation.raw)) continue;
    const why = below
      ? `得分 ${shown} 分低于分值 ${s.points} 分`
      : `实际超出目标 ${mulDiv([s.overCompletion!, '100'], [], 1)}%（超过 ${percentOf(scheme.overCompletionThreshold)}%，目标是否定得过低？）`;
    out.push(
      finding(
        a,
        'A6.MISSING_EXPLANATION',
        `“${ind.name.raw}”${why}，需填写偏差原因分析及改进措施`,
        { section: 'indicators', indicator: s.index, field: 'deviation', src: ind.src },
        {
          score: shown,
          points: s.points,
          overCompletion: s.overCompletion,
        },
      ),
    );
  }
  const rate = score.budget.rate;
  if (
    rate !== null &&
    cmp(rate, scheme.audit.lowExecutionRate) < 0 &&
    !formExplains &&
    !ev.indicators.some((i) => i.deviation !== undefined && hasText(i.deviation.raw))
  )
    out.push(
      finding(
        a,
        'A6.MISSING_EXPLANATION',
        `执行率 ${score.budget.ratePercent}% 低于 ${percentOf(scheme.audit.lowExecutionRate)}%，需说明原因及改进措施`,
        { section: 'budget', field: 'narratives' },
        {
          rate: score.budget.ratePercent,
        },
      ),
    );
}
