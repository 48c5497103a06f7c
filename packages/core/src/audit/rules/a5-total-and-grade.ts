/** A5: claimed 总分 = Σ claimed scores; claimed grade = R1(claimed 总分); and the rule-based total beside it. */
import { Dec, sum } from '../../values/decimal.ts';
import { gradeOf } from '../../scoring/grade.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

export function a5TotalAndGrade(a: FormAudit): Finding[] {
  const out: Finding[] = [];
  const { ev, score, scheme } = a;
  const claimedRows = sum(ev.indicators.filter((i) => !i.notApplicable).map((i) => new Dec(i.claimedScore.value ?? 0)));
  const budgetClaim = score.budget.inTotal ? new Dec(score.budget.claimedScore ?? 0) : new Dec(0);
  const claimedSum = claimedRows.plus(budgetClaim);
  const total = ev.claimed.total;
  const src = total?.src ? { src: total.src } : {};
  if (total?.value) {
    if (!new Dec(total.value).equals(claimedSum))
      out.push(
        finding(a, 'A5.TOTAL_SUM', `总分写作 ${total.value} 分，各项填报得分合计 ${claimedSum.toFixed()} 分${score.budget.inTotal ? `（含预算执行率 ${budgetClaim.toFixed()} 分）` : ''}`, { section: 'total', field: 'claimed.total', ...src }, {
          claimed: total.value,
          sum: claimedSum.toFixed(),
        }, { field: 'claimed.total', value: claimedSum.toFixed(), label: `改为各项合计 ${claimedSum.toFixed()} 分` }),
      );
    const grade = ev.claimed.grade?.raw.trim();
    const should = gradeOf(total.value, scheme);
    if (grade && grade !== should)
      out.push(
        finding(a, 'A5.GRADE', `等级写作“${grade}”，总分 ${total.value} 分对应“${should}”`, { section: 'total', field: 'claimed.grade', ...(ev.claimed.grade?.src && { src: ev.claimed.grade.src }) }, { claimed: grade, total: total.value, grade: should }, {
          field: 'claimed.grade',
          value: should,
          label: `改为“${should}”`,
        }),
      );
  }
  const claimedTotal = total?.value ?? claimedSum.toFixed();
  if (!new Dec(claimedTotal).equals(score.total))
    out.push(
      finding(a, 'A5.RULE_TOTAL', `按评分规则计算总分 ${score.total} 分（${score.grade}），填报 ${claimedTotal} 分（${gradeOf(claimedTotal, scheme)}）`, { section: 'total', field: 'claimed.total', ...src }, {
        claimed: claimedTotal,
        computed: score.total,
        grade: score.grade,
      }, { field: 'claimed.total', value: score.total, label: `采用计算总分 ${score.total} 分` }),
    );
  return out;
}
