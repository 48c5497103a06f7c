/**
 * G3 measurable: a quantitative indicator has a direction (＝ ≥ ≤ > <), a number and a unit; a
 * qualitative one is written as a level a reviewer can check. 101号: "绩效目标通过具体绩效指标予以细化、
 * 量化描述"; the national form's 指标值 is 比较符号 + 数值 + 度量单位. Vague words are G4's.
 */
import type { Finding } from '../../../audit/finding.ts';
import { atTarget, goalFinding, MOSTLY_QUANTITATIVE, nameOf, QUANTITATIVE, unitOf, type GoalLint } from '../lint-context.ts';
import { vaguePhrase } from '../vague-words.ts';

export function g3Measurable(l: GoalLint, out: Finding[]): void {
  for (const r of l.rows) {
    const p = r.parsed;
    const name = r.ind.name.raw;
    const raw = r.target.raw.trim();
    if (p.kind === 'empty') {
      out.push(goalFinding(l, 'G3.EMPTY', `“${name}”没有填写指标值`, atTarget(r), { category: r.category }));
      continue;
    }
    if (p.kind === 'unparseable') {
      out.push(goalFinding(l, 'G3.UNPARSEABLE', `“${name}”的指标值“${raw}”无法识别：${p.reason}`, atTarget(r), { target: r.target.raw, reason: p.reason }));
      continue;
    }
    const quantitative = QUANTITATIVE.has(r.category);
    // a date is a fine 时效 target, but no count, cost or rate (`2021年/全年` as a 数量 target)
    const notNumber = p.kind === 'word' || p.kind === 'tier' || (p.kind === 'date' && quantitative);
    if (notNumber && (quantitative || MOSTLY_QUANTITATIVE.has(r.category))) {
      if (p.kind === 'word' && vaguePhrase(p.word) !== null) continue; // G4 says why
      const code = quantitative || p.kind === 'tier' ? 'G3.NO_NUMBER' : 'G3.QUALITATIVE';
      const advice = r.category === '时效指标' ? '写明完成时限（如“2024年12月31日前”）或及时率（如“≥95%”）' : '写明比较符号、数值和单位（如“≥95%”“＝120人次”）';
      out.push(
        goalFinding(l, code, `${r.category}“${name}”的指标值“${raw}”不是可检验的数值，应${advice}`, atTarget(r), {
          category: r.category,
          target: r.target.raw,
        }),
      );
      continue;
    }
    if (p.kind !== 'quantity') continue;
    if (p.approximate) out.push(goalFinding(l, 'G3.APPROXIMATE', `“${name}”的指标值“${raw}”是约数，目标应是确定的数值`, atTarget(r), { target: r.target.raw }));
    if (p.op === null)
      out.push(
        goalFinding(l, 'G3.NO_DIRECTION', `“${name}”的指标值“${raw}”没有比较符号（＝、≥、≤、＞、＜），年终无法判断是上限还是下限`, atTarget(r), {
          target: r.target.raw,
        }),
      );
    if (unitOf(r) === '') {
      // A rate written without its % is certain to mean a percentage (`合格率 ≥95`), and only then is the fix offered.
      const rate = /率|满意度|占比|比例|比重/.test(nameOf(r)) && Number(p.value) <= 100;
      out.push(
        goalFinding(
          l,
          'G3.NO_UNIT',
          `“${name}”的指标值“${raw}”没有度量单位${rate ? '（比率应写 %）' : ''}`,
          atTarget(r),
          { target: r.target.raw },
          rate ? { field: atTarget(r).field!, value: `${raw}%`, label: `改为“${raw}%”` } : undefined,
        ),
      );
    }
  }
}
