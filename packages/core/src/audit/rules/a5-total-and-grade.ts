/** A5: claimed 总分 = Σ claimed scores; claimed grade = R1(claimed 总分); and the rule-based total beside it. */
import { add, cmp, trim } from '../../values/exact.ts';
import { gradeOf } from '../../scoring/grade.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a5TotalAndGrade(a: FormAudit, out: Finding[]): void {
  const { ev, score, scheme } = a;
  const budgetClaim = score.budget.inTotal ? (score.budget.claimedScore ?? '0') : '0';
  const claims: string[] = [budgetClaim];
  for (const i of ev.indicators) if (!i.notApplicable) claims.push(i.claimedScore.value ?? '0');
  const claimedSum = trim(add(claims));
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
          { field: 'claimed.total', value: claimedSum, label: `改为各项合计 ${claimedSum} 分` },
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
        `按评分规则计算总分 ${score.total} 分（${score.grade}），填报 ${claimedTotal} 分（${gradeOf(claimedTotal, scheme)}）`,
        { section: 'total', field: 'claimed.total', src },
        {
          claimed: claimedTotal,
          computed: score.total,
          grade: score.grade,
        },
        { field: 'claimed.total', value: score.total, label: `采用计算总分 ${score.total} 分` },
      ),
    );
}
