/**
 * The department's 汇总表 computed from its forms (docs/rules.md, Department documents): one row per project with the
 * recomputed score and grade, the 合计, grade counts, 自评率 and overall 执行率.
 */
import type { Evaluation } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { gradeOf } from '../scoring/grade.ts';
import { add, isZero, mulDiv, trim } from '../values/exact.ts';

export interface SummaryLine {
  seq: number;
  project: string;
  /** 全年预算数, 万元 */
  budget: string | null;
  /** 全年执行数, 万元 */
  executed: string | null;
  /** 到位数, 万元 */
  received: string | null;
  /** 执行率, %, 2 decimals */
  rate: string | null;
  fundType: string;
  /** recomputed 自评得分, 分 */
  score: string;
  grade: string;
  /** as written on the form */
  claimedScore: string | null;
  claimedGrade: string | null;
  /** index of the form among those summarised */
  form: number;
}

export interface DepartmentSummary {
  year: number | null;
  rows: SummaryLine[];
  total: { budget: string; executed: string; rate: string | null };
  gradeCounts: Record<string, number>;
  /** 已自评项目数 */
  evaluated: number;
  /** 应评项目数 */
  expected: number;
  /** 自评率, %, 2 decimals */
  selfEvaluationRate: string;
  /** mean of the recomputed scores, 分 */
  averageScore: string | null;
  /** the grade of the mean score */
  overallGrade: string | null;
}

export interface SummaryOptions {
  /** 应评项目数, when more projects should have been evaluated than forms were given */
  expected?: number;
  /** 资金类型 by project name, for forms that do not state it (the written 汇总表 does) */
  fundTypes?: ReadonlyMap<string, string>;
}

export function summarizeDepartment(
  forms: readonly Evaluation[],
  scores: readonly EvaluationScore[],
  scheme: Scheme,
  opts: SummaryOptions = {},
): DepartmentSummary {
  const rows: SummaryLine[] = forms.map((ev, i) => {
    const s = scores[i]!;
    const b = s.budget;
    return {
      seq: i + 1,
      project: ev.project.name.raw,
      budget: b.budget,
      executed: b.executed,
      received: b.received,
      rate: b.budget === null || b.executed === null || b.rate === null ? null : mulDiv([b.executed, '100'], [b.budget], 2),
      fundType: ev.project.fundType?.raw ?? opts.fundTypes?.get(ev.project.name.raw) ?? '',
      score: s.total,
      grade: s.grade,
      claimedScore: s.claimedTotal,
      claimedGrade: s.claimedGrade,
      form: i,
    };
  });
  const budget = trim(add(rows.map((r) => r.budget ?? '0')));
  const executed = trim(add(rows.map((r) => r.executed ?? '0')));
  const gradeCounts: Record<string, number> = Object.fromEntries(scheme.grades.map((g) => [g.grade, 0]));
  for (const r of rows) gradeCounts[r.grade] = (gradeCounts[r.grade] ?? 0) + 1;
  const expected = Math.max(opts.expected ?? rows.length, rows.length);
  const average = rows.length ? mulDiv([add(rows.map((r) => r.score))], [String(rows.length)], scheme.decimals) : null;
  return {
    year: forms.find((f) => f.year !== null)?.year ?? null,
    rows,
    total: { budget, executed, rate: isZero(budget) ? null : mulDiv([executed, '100'], [budget], 2) },
    gradeCounts,
    evaluated: rows.length,
    expected,
    selfEvaluationRate: expected === 0 ? '0.00' : mulDiv([String(rows.length), '100'], [String(expected)], 2),
    averageScore: average,
    overallGrade: average === null ? null : gradeOf(average, scheme),
  };
}
