/**
 * G4 vague words: 进一步提高, 明显改善, 有效促进, 逐步提高, 持续提升 … as the target of a quantitative
 * sub-category is a warning (101号 asks for targets "细化、量化"; A12 finds the same words at year end,
 * too late); on a qualitative indicator, and in the 总体目标 text, a note.
 */
import type { Finding } from '../../../audit/finding.ts';
import { atTarget, goalFinding, MOSTLY_QUANTITATIVE, QUANTITATIVE, type GoalLint } from '../lint-context.ts';
import { vaguePhrase } from '../vague-words.ts';

export function g4VagueWords(l: GoalLint, out: Finding[]): void {
  for (const r of l.rows) {
    if (r.parsed.kind !== 'word') continue;
    const phrase = vaguePhrase(r.parsed.word);
    if (phrase === null) continue;
    const quantitative = QUANTITATIVE.has(r.category) || MOSTLY_QUANTITATIVE.has(r.category);
    out.push(
      goalFinding(
        l,
        quantitative ? 'G4.VAGUE_TARGET' : 'G4.VAGUE_QUALITATIVE',
        quantitative
          ? `${r.category}“${r.ind.name.raw}”的指标值“${r.target.raw.trim()}”（“${phrase}”）无法衡量，应写成比较符号 + 数值 + 单位`
          : `“${r.ind.name.raw}”的指标值“${r.target.raw.trim()}”（“${phrase}”）难以检验，建议写明可核实的程度或状态`,
        atTarget(r),
        { category: r.category, target: r.target.raw, phrase },
      ),
    );
  }
  for (const [key, label] of [
    ['longTerm', '中长期目标'],
    ['annual', '年度目标'],
  ] as const) {
    const text = l.form.goals[key];
    if (!text) continue;
    const phrase = vaguePhrase(text.raw);
    if (phrase === null) continue;
    const where: Parameters<typeof goalFinding>[3] = { section: 'goals', field: `goals.${key}` };
    if (text.src) where.src = text.src;
    out.push(goalFinding(l, 'G4.VAGUE_GOAL', `${label}中的“${phrase}”没有可衡量的程度，建议与绩效指标的数值对应起来`, where, { phrase }));
  }
}
