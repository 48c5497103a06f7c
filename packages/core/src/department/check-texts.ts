/**
 * A10: figures quoted in the 整体绩效自评工作报告 and the 决算公开绩效情况说明 equal the tables: the
 * number of projects, the funds, the grade counts, and in each project's 综述 its score, budget,
 * funds received and spent and rate.
 */
import { departmentFinding } from '../audit/context.ts';
import type { Finding } from '../audit/finding.ts';
import { normalizeForCompare } from '../audit/rules/a9-key.ts';
import type { DepartmentText } from '../model/department-text.ts';
import type { Evaluation, TextField } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { Dec } from '../values/decimal.ts';
import { toHalfWidth } from '../values/normalize.ts';
import type { DepartmentSummary } from './summary.ts';

interface Claim {
  what: string;
  written: string;
  expected: string | null;
  p: TextField;
  form?: number;
}

const num = (re: RegExp, s: string) => re.exec(s)?.[1] ?? null;

export function checkDepartmentText(
  text: DepartmentText,
  forms: readonly Evaluation[],
  scores: readonly EvaluationScore[],
  summary: DepartmentSummary,
  scheme: Scheme,
): Finding[] {
  const claims: Claim[] = [];
  const notes: Finding[] = [];
  const complete = summary.evaluated >= summary.expected;
  for (const p of text.paragraphs) {
    const t = toHalfWidth(p.raw).replace(/\s+/g, '');
    const review = /综述/.test(t) ? projectOf(t, forms) : null;
    if (review !== null) {
      const s = scores[review]!;
      const ev = forms[review]!;
      const b = s.budget;
      const push = (what: string, written: string | null, expected: string | null) =>
        written !== null && claims.push({ what: `“${ev.project.name.raw}”${what}`, written, expected, p, form: review });
      push('自评得分', num(/得分\s*([\d.]+)\s*分/, t), ev.claimed.total?.value ?? s.total);
      push('年度预算', num(/预算资?金?\s*([\d.]+)\s*万元/, t), b.budget);
      push('到位资金', num(/到位资金\s*([\d.]+)\s*万元/, t), b.received ?? b.budget);
      push('执行资金', num(/执行\s*([\d.]+)\s*万元/, t), b.executed);
      push('预算执行率', num(/执行率\s*([\d.]+)\s*%/, t), b.ratePercent);
      continue;
    }
    // Department-wide figures can be checked only when every project's form is at hand.
    if (!complete) continue;
    const count = num(/(?:项目|专项项目)\s*(\d+)\s*个/, t) ?? num(/(\d+)\s*个(?:专项)?项目/, t);
    if (count !== null && Number(count) !== summary.evaluated) {
      // The text covers more projects than the forms given: its totals cannot be checked against them.
      if (!notes.length)
        notes.push(
          departmentFinding(
            scheme,
            'A10.REPORT_INCOMPLETE',
            `${text.kind === 'disclosure' ? '决算公开说明' : '整体自评报告'}写有 ${count} 个项目，只提供了 ${summary.evaluated} 张自评表，部门合计数无法核对`,
            { section: text.kind === 'disclosure' ? 'disclosure' : 'report', field: 'paragraphs', ...(p.src && { src: p.src }) },
            { written: count, forms: summary.evaluated },
          ),
        );
      continue;
    }
    const funds = num(/资金(?:总量|总额)?为?\s*([\d.]+)\s*万元/, t) ?? num(/涉及预算资金\s*([\d.]+)\s*万元/, t);
    if (funds !== null) claims.push({ what: '资金总量', written: funds, expected: summary.total.budget, p });
    for (const m of t.matchAll(/(\d+)\s*个\s*([优良中差])/g))
      claims.push({ what: `“${m[2]}”等级项目数`, written: m[1]!, expected: String(summary.gradeCounts[m[2]!] ?? 0), p });
  }
  return [
    ...notes,
    ...claims
      .filter((c) => c.expected !== null && !new Dec(c.written).equals(c.expected))
      .map((c) =>
        departmentFinding(
          scheme,
          'A10.REPORT_FIGURE',
          `${text.kind === 'disclosure' ? '决算公开说明' : '整体自评报告'}中${c.what}写作 ${c.written}，表中为 ${c.expected}`,
          {
            section: text.kind === 'disclosure' ? 'disclosure' : 'report',
            field: 'paragraphs',
            ...(c.p.src && { src: c.p.src }),
            ...(c.form !== undefined && { form: { index: c.form, project: forms[c.form]!.project.name.raw, year: forms[c.form]!.year } }),
          },
          { written: c.written, expected: c.expected },
        ),
      ),
  ];
}

/** The form a `…项目绩效自评综述` paragraph is about: the longest project name its opening contains. */
function projectOf(t: string, forms: readonly Evaluation[]): number | null {
  const head = normalizeForCompare(t.split(/综述/)[0]!);
  let best: number | null = null;
  let len = 0;
  forms.forEach((f, i) => {
    const name = normalizeForCompare(f.project.name.raw);
    if (name.length > len && head.includes(name)) {
      best = i;
      len = name.length;
    }
  });
  return best;
}
