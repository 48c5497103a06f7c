/**
 * One source for every score in a document. A document prints either the corrected (computed) scores
 * or the ones the forms claim, chosen once for the whole document — its narrative, its tables, its
 * attached forms and its 汇总表 all read the same figure for a project (issue 22: the narrative said
 * 95.84 where the attached form printed 94.85). Computed is the default: a claim that the rules
 * (R1–R7) do not confirm is the filler's statement, kept visible as a difference, not as the figure.
 */
import { getScheme } from '../scheme/registry.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { gradeOf } from '../scoring/grade.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { add, cmp, mulDiv } from '../values/exact.ts';
import type { DepartmentSummary } from './summary.ts';

export type ScoreSource = 'computed' | 'claimed';
export const SCORE_SOURCES = ['computed', 'claimed'] as const;

/** How a document states its choice, printed on it where scores appear. */
export const SCORE_SOURCE_NOTE: Record<ScoreSource, string> = {
  computed: '本文档中的得分、等级均为按评分规则重新计算的得分（与填报得分不同之处以计算得分为准）',
  claimed: '本文档中的得分、等级均为各项目自评表填报的得分，未按评分规则更正',
};

/**
 * The scores a document prints, per form: the computed ones, or — for `claimed` — each written score
 * where the form gives one as a number (indicator, total), the written grade, else the grade of the
 * written total under the form's scheme (R1), else the computed figure.
 */
export function documentScores(
  scores: readonly EvaluationScore[],
  source: ScoreSource,
  schemeOf: (s: EvaluationScore) => Scheme = (s) => getScheme(s.schemeId),
): EvaluationScore[] {
  if (source === 'computed') return [...scores];
  return scores.map((s) => {
    const total = s.claimedTotal ?? s.total;
    return {
      ...s,
      indicators: s.indicators.map((x) => (x.claimed === null ? x : { ...x, score: x.claimed })),
      total,
      grade: s.claimedGrade ?? (s.claimedTotal === null ? s.grade : gradeOf(s.claimedTotal, schemeOf(s))),
    };
  });
}

/** A project whose claimed figure differs from the computed one, for the list shown before download. */
export interface ScoreDifference {
  /** index of the form */
  form: number;
  project: string;
  field: 'total' | 'grade';
  claimed: string;
  computed: string;
}

export function scoreDifferences(projects: readonly string[], scores: readonly EvaluationScore[]): ScoreDifference[] {
  const out: ScoreDifference[] = [];
  scores.forEach((s, i) => {
    if (s.claimedTotal !== null && cmp(s.claimedTotal, s.total) !== 0)
      out.push({ form: i, project: projects[i] ?? '', field: 'total', claimed: s.claimedTotal, computed: s.total });
    if (s.claimedGrade !== null && s.claimedGrade !== s.grade)
      out.push({ form: i, project: projects[i] ?? '', field: 'grade', claimed: s.claimedGrade, computed: s.grade });
  });
  return out;
}

/**
 * The 汇总表 with the document's scores: each row's score and grade, the grade counts, the mean and its
 * grade taken from `printed` (documentScores), budget figures untouched.
 */
export function summaryWithScores(summary: DepartmentSummary, printed: readonly EvaluationScore[], scheme: Scheme): DepartmentSummary {
  const rows = summary.rows.map((r) => ({ ...r, score: printed[r.form]!.total, grade: printed[r.form]!.grade }));
  const gradeCounts: Record<string, number> = Object.fromEntries(scheme.grades.map((g) => [g.grade, 0]));
  for (const r of rows) gradeCounts[r.grade] = (gradeCounts[r.grade] ?? 0) + 1;
  const averageScore = rows.length ? mulDiv([add(rows.map((r) => r.score))], [String(rows.length)], scheme.decimals) : null;
  return { ...summary, rows, gradeCounts, averageScore, overallGrade: averageScore === null ? null : gradeOf(averageScore, scheme) };
}
