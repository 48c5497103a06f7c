/** Audit of everything given on the command line as one department: forms, 汇总表 and texts. */
import { auditDepartment, type DepartmentSummary, type EvaluationScore, type Finding } from '@jixiao/core';
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
  const { scores, findings, summary } = auditDepartment(dept.forms, { schemeId, written: { summaries: dept.summaries, texts: dept.texts } });
  return { dept, scores, findings, summary };
}
