/**
 * A4: every claimed score equals the recomputed one (R3–R6). A difference shows both numbers, the rule
 * and its arithmetic, and offers the recomputed score as the fix. Rows the rule cannot decide (the
 * claimed score stands) are not reported here: A7 and A12 say why they cannot be decided.
 */
import { cmp, cmpDistance } from '../../values/exact.ts';
import { finding, indicatorField, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';
import { totalLine } from '../../scoring/budget-execution.ts';

export function a4ScoresRecomputed(a: FormAudit, out: Finding[]): void {
  const tol = a.scheme.audit.scoreTolerance;
  for (const s of a.score.indicators) {
    if (s.basis !== 'rule' || s.score === null) continue;
    const ind = a.ev.indicators[s.index]!;
    const claimed = s.claimed;
    if (claimed !== null && close(claimed, s.score, tol)) continue;
    const what = claimed === null ? `“${ind.name.raw}”未填得分` : `“${ind.name.raw}”填报得分 ${claimed} 分，按规则应为 ${s.score} 分`;
    out.push(
      finding(
        a,
        'A4.SCORE',
        `${what}（${s.explanation}）`,
        { section: 'indicators', indicator: s.index, field: 'claimedScore', src: ind.claimedScore.src },
        { claimed, computed: s.score, points: s.points, rule: s.rule },
        { field: indicatorField(s.index, 'claimedScore'), value: s.score, label: `采用计算得分 ${s.score} 分` },
      ),
    );
  }
  const b = a.score.budget;
  if (b.score !== null && b.claimedScore !== null && !close(b.claimedScore, b.score, tol)) {
    const line = totalLine(a.ev);
    const li = line ? a.ev.budget.lines.indexOf(line) : 0;
    out.push(
      finding(
        a,
        'A4.BUDGET_SCORE',
        `预算执行率得分填报 ${b.claimedScore} 分，按规则应为 ${b.score} 分（${b.explanation}）`,
        { section: 'budget', field: `budget.lines[${li}].score`, src: line?.score?.src },
        { claimed: b.claimedScore, computed: b.score, rate: b.ratePercent },
        { field: `budget.lines[${li}].score`, value: b.score, label: `采用计算得分 ${b.score} 分` },
      ),
    );
  }
}

/** x = y or |x − y| < tolerance (most claims equal the computed score exactly). */
function close(x: string, y: string, tol: string): boolean {
  return cmp(x, y) === 0 || cmpDistance(x, y, tol) < 0;
}
