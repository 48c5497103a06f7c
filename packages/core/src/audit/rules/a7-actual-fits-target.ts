/**
 * A7: the actual is a measurement of the target's kind: a number for a quantitative target (not a
 * comparison like `≥95%`, not the target copied), a tier or word for a qualitative one; and both
 * can be read at all.
 */
import type { Indicator } from '../../model/evaluation.ts';
import type { IndicatorScore } from '../../scoring/score-indicator.ts';
import { finding, type FormAudit, type Where } from '../context.ts';
import type { Finding } from '../finding.ts';

// Made only for a finding (most rows have none): a location and a quoted name per row cost more than the checks.
// The source cell is the one the finding is about (an unreadable target points at the target's cell).
const at = (s: IndicatorScore, ind: Indicator, field: 'actual' | 'target' = 'actual'): Where => ({
  section: 'indicators',
  indicator: s.index,
  field,
  src: ind[field].src,
});
const quoted = (ind: Indicator) => `“${ind.name.raw}”`;

export function a7ActualFitsTarget(a: FormAudit, out: Finding[]): void {
  for (const s of a.score.indicators) {
    if (s.rule === 'R2.not-applicable') continue;
    const ind = a.ev.indicators[s.index]!;
    const { target, actual } = s;
    if (target.kind === 'unparseable')
      out.push(
        finding(a, 'A7.UNPARSEABLE', `${quoted(ind)}的指标值“${target.raw.trim()}”无法识别：${target.reason}`, at(s, ind, 'target'), { target: target.raw }),
      );
    if (actual.kind === 'unparseable')
      out.push(finding(a, 'A7.UNPARSEABLE', `${quoted(ind)}的实际完成值“${actual.raw.trim()}”无法识别：${actual.reason}`, at(s, ind), { actual: actual.raw }));
    if (actual.kind === 'empty' && target.kind !== 'empty')
      out.push(finding(a, 'A7.MISSING_ACTUAL', `${quoted(ind)}缺少实际完成值`, at(s, ind), { target: target.raw }));
    if (target.kind === 'quantity' || target.kind === 'list') {
      if (actual.kind === 'quantity' && actual.op !== null && actual.op !== '=') {
        const copied = actual.raw.trim() === (ind.targetAdjusted?.raw.trim() || ind.target.raw.trim());
        out.push(
          finding(
            a,
            'A7.ACTUAL_IS_COMPARISON',
            `${quoted(ind)}的实际完成值写作“${actual.raw.trim()}”${copied ? '（与指标值相同）' : ''}，是比较式而不是测得的数值，请填写实际测得的数值`,
            at(s, ind),
            // no fix: the number inside the comparison is the target, not a measurement — writing it
            // into the cell would invent data (issue 23: “改为实测值（如 500万元）” did)
            { target: target.raw, actual: actual.raw },
          ),
        );
      } else if (actual.kind === 'word' || actual.kind === 'date' || actual.kind === 'tier')
        out.push(
          finding(a, 'A7.ACTUAL_NOT_NUMBER', `${quoted(ind)}的指标值是数值“${target.raw.trim()}”，实际完成值却是“${actual.raw.trim()}”`, at(s, ind), {
            target: target.raw,
            actual: actual.raw,
          }),
        );
    } else if ((target.kind === 'word' || target.kind === 'tier') && actual.kind === 'quantity')
      out.push(
        finding(a, 'A7.ACTUAL_NOT_QUALITATIVE', `${quoted(ind)}的指标值是定性的“${target.raw.trim()}”，实际完成值却是数值“${actual.raw.trim()}”`, at(s, ind), {
          target: target.raw,
          actual: actual.raw,
        }),
      );
  }
}
