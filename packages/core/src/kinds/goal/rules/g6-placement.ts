/**
 * G6 placement: satisfaction placed under 效益 (standing in for a benefit), or 合格率/故障率-type measures
 * under 效益 instead of 质量. 101号 describes 效益指标 as the effects of the outputs, 质量指标 as the
 * standard the outputs meet, and 满意度 as its own 一级 (服务对象满意度指标).
 */
import type { Finding } from '../../../audit/finding.ts';
import { atRow, goalFinding, nameOf, type GoalLint } from '../lint-context.ts';

// rates of the outputs' standard; not the word 质量 itself (生活质量, 高质量发展 are benefits)
const QUALITY_MEASURE = /合格率|故障率|达标率|优良率|完好率|验收合格|验收通过|返工率|差错率|正常运行率|在线率/;

export function g6Placement(l: GoalLint, out: Finding[]): void {
  for (const r of l.rows) {
    if (r.level1 !== '效益指标') continue;
    const name = nameOf(r);
    if (/满意/.test(name))
      out.push(
        goalFinding(
          l,
          'G6.SATISFACTION_UNDER_BENEFIT',
          `“${r.ind.name.raw}”是满意度，放在效益指标（${r.ind.level2.raw.trim()}）下；应移到满意度指标 › 服务对象满意度指标`,
          atRow(r),
          {
            level1: r.level1,
            level2: r.category,
          },
        ),
      );
    else {
      const m = QUALITY_MEASURE.exec(name);
      if (m)
        out.push(
          goalFinding(l, 'G6.QUALITY_UNDER_BENEFIT', `“${r.ind.name.raw}”（${m[0]}）衡量产出的质量，放在效益指标下；应移到产出指标 › 质量指标`, atRow(r), {
            level1: r.level1,
            level2: r.category,
            word: m[0],
          }),
        );
    }
  }
}
