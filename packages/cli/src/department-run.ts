/** Audit of everything given on the command line as one department: forms, 汇总表 and texts. */
import {
  auditForms,
  checkDepartmentText,
  checkSummaryTable,
  getScheme,
  summarizeDepartment,
  type DepartmentSummary,
  type EvaluationScore,
  type Finding,
} from '@jixiao/core';
import { CliError } from './errors.ts';
import { loadDepartment, type Department } from './load-forms.ts';

export interface DepartmentRun {
  dept: Department;
  scores: EvaluationScore[];
  findings: Finding[];
  summary: DepartmentSummary;
}

export async function runDepartment(paths: string[], schemeId?: string): Promise<DepartmentRun> {
  const dept = await loadDepartment(paths);
  if (dept.forms.length === 0) throw new CliError('INPUT.NO_FORMS', `所给文件中没有自评表：${paths.join('、')}`);
  const schemeFor = schemeId ? () => getScheme(schemeId) : undefined;
  const { scores, findings } = auditForms(dept.forms, schemeFor);
  const scheme = getScheme(schemeId ?? dept.forms[0]!.schemeId);
  const written = dept.summaries[0];
  const fundTypes = new Map(written?.rows.map((r) => [r.name.raw, r.fundType.raw]) ?? []);
  const summary = summarizeDepartment(dept.forms, scores, scheme, { fundTypes, ...(written && { expected: written.rows.length }) });
  for (const t of dept.summaries) findings.push(...checkSummaryTable(t, dept.forms, summary, scheme));
  for (const t of dept.texts) findings.push(...checkDepartmentText(t, dept.forms, scores, summary, scheme));
  return { dept, scores, findings, summary };
}
