/**
 * A10 (and A5 for the score and grade of each project): a 汇总表 as written, checked against the
 * forms it summarises — the 合计 equals the sum of its rows, every row equals its form, 自评率 is right.
 */
import { departmentFinding } from '../audit/context.ts';
import type { Finding } from '../audit/finding.ts';
import { normalizeForCompare } from '../audit/rules/a9-key.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { SummaryTable } from '../model/summary-table.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { gradeOf } from '../scoring/grade.ts';
import { Dec, sum } from '../values/decimal.ts';
import type { DepartmentSummary } from './summary.ts';

export function checkSummaryTable(table: SummaryTable, forms: readonly Evaluation[], summary: DepartmentSummary, scheme: Scheme): Finding[] {
  const out: Finding[] = [];
  const at = (src: SummaryTable['rows'][number]['name']['src'], field: string, form?: number) => ({
    section: 'summary' as const,
    field,
    ...(src && { src }),
    ...(form !== undefined && { form: { index: form, project: forms[form]!.project.name.raw, year: forms[form]!.year } }),
  });

  // 合计 = Σ rows
  if (table.total) {
    for (const k of ['budget', 'executed'] as const) {
      const written = table.total[k].value;
      const s = sum(table.rows.map((r) => new Dec(r[k].value ?? 0)));
      if (written !== null && !s.equals(written))
        out.push(
          departmentFinding(
            scheme,
            'A10.SUMMARY_TOTAL',
            `汇总表合计${k === 'budget' ? '全年预算数' : '全年执行数'}写作 ${written} 万元，各行合计 ${s.toFixed()} 万元`,
            at(table.total[k].src, `total.${k}`),
            {
              written,
              sum: s.toFixed(),
            },
            { field: `total.${k}`, value: s.toFixed(), label: `改为 ${s.toFixed()} 万元` },
          ),
        );
    }
    const rate = table.total.rate.raw.replace(/\s/g, '');
    if (rate !== '' && /^\d+(\.\d+)?%$/.test(rate) && !new Dec(rate.slice(0, -1)).equals(summary.selfEvaluationRate))
      out.push(
        departmentFinding(
          scheme,
          'A10.RATE',
          `自评率写作 ${rate}，已自评 ${summary.evaluated} 个 ÷ 应评 ${summary.expected} 个 = ${summary.selfEvaluationRate}%`,
          at(table.total.rate.src, 'total.rate'),
          { written: rate, computed: summary.selfEvaluationRate },
        ),
      );
  }

  // every row against its form
  const byName = new Map(forms.map((f, i) => [normalizeForCompare(f.project.name.raw), i] as const));
  const matched = new Set<number>();
  for (const row of table.rows) {
    const i = byName.get(normalizeForCompare(row.name.raw));
    if (i === undefined) {
      out.push(
        departmentFinding(scheme, 'A10.SUMMARY_MISSING_ROW', `汇总表中的“${row.name.raw}”没有对应的自评表`, at(row.name.src, 'rows.name'), {
          project: row.name.raw,
        }),
      );
      continue;
    }
    matched.add(i);
    const line = summary.rows[i]!;
    const ev = forms[i]!;
    for (const [k, formValue, label] of [
      ['budget', line.budget, '全年预算数'],
      ['executed', line.executed, '全年执行数'],
    ] as const) {
      const written = row[k].value;
      if (written !== null && formValue !== null && !new Dec(written).equals(formValue))
        out.push(
          departmentFinding(
            scheme,
            'A10.SUMMARY_ROW',
            `汇总表“${row.name.raw}”的${label}为 ${written} 万元，自评表为 ${formValue} 万元`,
            at(row[k].src, `rows.${k}`, i),
            { summary: written, form: formValue },
          ),
        );
    }
    const formTotal = ev.claimed.total?.value ?? null;
    const written = row.score.value;
    if (written !== null && formTotal !== null && !new Dec(written).equals(formTotal))
      out.push(
        departmentFinding(
          scheme,
          'A5.SUMMARY_SCORE',
          `汇总表“${row.name.raw}”自评得分 ${written} 分，自评表总分 ${formTotal} 分，按规则计算 ${line.score} 分`,
          at(row.score.src, 'rows.score', i),
          {
            summary: written,
            form: formTotal,
            computed: line.score,
          },
          { field: 'rows.score', value: line.score, label: `采用计算得分 ${line.score} 分` },
        ),
      );
    const grade = row.grade.raw.trim();
    const gradeOfForm = ev.claimed.grade?.raw.trim() || (formTotal !== null ? gradeOf(formTotal, scheme) : null);
    if (grade !== '' && gradeOfForm !== null && grade !== gradeOfForm)
      out.push(
        departmentFinding(
          scheme,
          'A5.SUMMARY_GRADE',
          `汇总表“${row.name.raw}”等级“${grade}”，自评表为“${gradeOfForm}”，按规则计算为“${line.grade}”`,
          at(row.grade.src, 'rows.grade', i),
          { summary: grade, form: gradeOfForm, computed: line.grade },
        ),
      );
  }
  forms.forEach((f, i) => {
    if (!matched.has(i))
      out.push(
        departmentFinding(
          scheme,
          'A10.SUMMARY_MISSING_ROW',
          `自评表“${f.project.name.raw}”未列入汇总表`,
          { section: 'summary', form: { index: i, project: f.project.name.raw, year: f.year } },
          { project: f.project.name.raw },
        ),
      );
  });
  return out;
}
