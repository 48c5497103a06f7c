/** A5: claimed 总分 = Σ claimed scores; claimed grade = R1(claimed 总分); and the rule-based total beside it. */
import { add, cmp, trim } from '../../values/exact.ts';
import { gradeOf } from '../../scoring/grade.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding, SuggestedFix } from '../finding.ts';

/** Σ of the claimed scores counted in the total (the budget's when it is counted, R7), as A5 compares it with the 总分. */
export function claimedSumOf(a: FormAudit): string {
  const claims: string[] = [a.score.budget.inTotal ? (a.score.budget.claimedScore ?? '0') : '0'];
  for (const i of a.ev.indicators) if (!i.notApplicable) claims.push(i.claimedScore.value ?? '0');
  return trim(add(claims));
}

/**
 * The cells a corrected claimed score keeps in step (issue 23): the written 总分 when it was the sum of
 * the claims, and the written 等级 when it was the grade of that 总分. `sum` is the claims' sum after
 * the correction. Without them, adopting a computed score would trade its finding for an A5 one.
 */
export function totalInStep(a: FormAudit, sum: string): NonNullable<SuggestedFix['also']> {
  const written = a.ev.claimed.total?.value;
  if (!written || cmp(written, claimedSumOf(a)) !== 0 || cmp(written, sum) === 0) return [];
  const also = [{ field: 'claimed.total', value: sum }];
  const grade = a.ev.claimed.grade?.raw.trim();
  const next = gradeOf(sum, a.scheme);
  if (grade && grade === gradeOf(written, a.scheme) && next !== grade) also.push({ field: 'claimed.grade', value: next });
  return also;
}

export function a5TotalAndGrade(a: FormAudit, out: Finding[]): void {
  const { ev, score, scheme } = a;
  const budgetClaim = score.budget.inTotal ? (score.budget.claimedScore ?? '0') : '0';
  const claimedSum = claimedSumOf(a);
  // The 总分 is certain only when the claims add up to what the rules compute: otherwise the cause is a
  // claimed score (A4 points at it), and writing either sum over the 总分 would only move the error —
  // on the Xinjiang 访惠聚 form “改为各项合计 88 分” and “采用计算总分 98.00 分” undid each other while the
  // empty budget 得分 cell was the cause (issue 23).
  const certain = cmp(claimedSum, score.total) === 0;
  const total = ev.claimed.total;
  const src = total?.src;
  if (total?.value) {
    if (cmp(total.value, claimedSum) !== 0)
      out.push(
        finding(
          a,
          'A5.TOTAL_SUM',
          `总分写作 ${total.value} 分，各项填报得分合计 ${claimedSum} 分${score.budget.inTotal ? `（含预算执行率 ${trim(budgetClaim)} 分）` : ''}`,
          { section: 'total', field: 'claimed.total', src },
          {
            claimed: total.value,
            sum: claimedSum,
          },
          certain ? { field: 'claimed.total', value: claimedSum, label: `改为各项合计 ${claimedSum} 分` } : undefined,
        ),
      );
    const grade = ev.claimed.grade?.raw.trim();
    const should = gradeOf(total.value, scheme);
    if (grade && grade !== should)
      out.push(
        finding(
          a,
          'A5.GRADE',
          `等级写作“${grade}”，总分 ${total.value} 分对应“${should}”`,
          { section: 'total', field: 'claimed.grade', src: ev.claimed.grade?.src },
          { claimed: grade, total: total.value, grade: should },
          {
            field: 'claimed.grade',
            value: should,
            label: `改为“${should}”`,
          },
        ),
      );
  }
  const claimedTotal = total?.value ?? claimedSum;
  if (cmp(claimedTotal, score.total) !== 0)
    out.push(
      finding(
        a,
        'A5.RULE_TOTAL',
        // a form that writes no 总分 (北京 海淀, partial) is compared by the sum of its claims, and says so
        `按评分规则计算总分 ${score.total} 分（${score.grade}），${total?.value ? '填报' : '表中未写总分，各项填报得分合计'} ${claimedTotal} 分（${gradeOf(claimedTotal, scheme)}）`,
        { section: 'total', field: 'claimed.total', src },
        {
          claimed: claimedTotal,
          computed: score.total,
          grade: score.grade,
        },
        certain ? { field: 'claimed.total', value: score.total, label: `采用计算总分 ${score.total} 分` } : undefined,
      ),
    );
}
