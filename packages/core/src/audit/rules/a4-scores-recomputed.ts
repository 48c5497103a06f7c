/**
 * A4: every claimed score equals the recomputed one (R3–R6). A difference shows both numbers, the rule
 * and its arithmetic, and offers the recomputed score as the fix. Rows the rule cannot decide (the
 * claimed score stands) are not reported here: A7 and A12 say why they cannot be decided.
 */
import { add, cmp, cmpDistance, sub, trim } from '../../values/exact.ts';
import { finding, indicatorField, type FormAudit } from '../context.ts';
import type { Finding, SuggestedFix } from '../finding.ts';
import { totalLine } from '../../scoring/budget-execution.ts';
import { claimedSumOf, totalInStep } from './a5-total-and-grade.ts';

/** The fix adopting `computed` where `claimed` was written, with the 总分 and 等级 kept in step (A5). */
function adopt(a: FormAudit, field: string, claimed: string | null, computed: string, counted: boolean): SuggestedFix {
  const also = counted ? totalInStep(a, trim(add([sub(claimedSumOf(a), claimed ?? '0'), computed]))) : [];
  const label = `采用计算得分 ${computed} 分${also.length ? `（总分随之改为 ${also[0]!.value} 分）` : ''}`;
  return also.length ? { field, value: computed, label, also } : { field, value: computed, label };
}

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
        adopt(a, indicatorField(s.index, 'claimedScore'), claimed, s.score, !ind.notApplicable),
      ),
    );
  }
  const b = a.score.budget;
  const line = totalLine(a.ev);
  // A 得分 cell the form has but left without a number (on the Xinjiang 访惠聚 form it holds just “分”):
  // counted as 0 in the claimed sum, it is the cause of the total's findings and is marked as such.
  const unfilled = b.claimedScore === null && line?.score !== undefined;
  if (b.score !== null && (unfilled ? b.inTotal : b.claimedScore !== null && !close(b.claimedScore, b.score, tol))) {
    const li = line ? a.ev.budget.lines.indexOf(line) : 0;
    const written = line?.score?.raw.trim();
    out.push(
      finding(
        a,
        'A4.BUDGET_SCORE',
        b.claimedScore === null
          ? `预算执行率得分未填${written ? `（单元格只写了“${written}”）` : ''}，按规则应为 ${b.score} 分（${b.explanation}）`
          : `预算执行率得分填报 ${b.claimedScore} 分，按规则应为 ${b.score} 分（${b.explanation}）`,
        { section: 'budget', field: `budget.lines[${li}].score`, src: line?.score?.src },
        { claimed: b.claimedScore, computed: b.score, rate: b.ratePercent },
        adopt(a, `budget.lines[${li}].score`, b.claimedScore, b.score, b.inTotal),
      ),
    );
  }
}

/** x = y or |x − y| < tolerance (most claims equal the computed score exactly). */
function close(x: string, y: string, tol: string): boolean {
  return cmp(x, y) === 0 || cmpDistance(x, y, tol) < 0;
}
