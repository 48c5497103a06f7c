/**
 * A department's forms audited together and summed into its 汇总表 — the one computation behind the
 * 部门总览 on screen, the department documents and `jixiao audit/summary/report`. Written department
 * documents (a 汇总表, report texts) given with the forms are checked against them (A10).
 */
import { auditForms, reauditForms, type FormsResult, type SchemeFor } from '../audit/audit-forms.ts';
import type { Finding } from '../audit/finding.ts';
import type { DepartmentText } from '../model/department-text.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { SummaryTable } from '../model/summary-table.ts';
import { getScheme } from '../scheme/registry.ts';
import { checkSummaryTable } from './check-summary.ts';
import { checkDepartmentText } from './check-texts.ts';
import { summarizeDepartment, type DepartmentSummary } from './summary.ts';

export interface DepartmentOptions {
  /** one 评分方案 for every form (the CLI's --scheme); by default each form's own */
  schemeId?: string | undefined;
  /** the department's own 汇总表 and texts, when read from files with the forms */
  written?: { summaries: readonly SummaryTable[]; texts: readonly DepartmentText[] } | undefined;
}

export interface DepartmentAudit extends FormsResult {
  forms: readonly Evaluation[];
  summary: DepartmentSummary;
}

export function auditDepartment(forms: readonly Evaluation[], opts: DepartmentOptions = {}): DepartmentAudit {
  return summed(forms, auditForms(forms, schemeFor(opts)), opts);
}

/** `auditDepartment(forms)` given its result for the same forms where only those at `changed` differ. */
export function reauditDepartment(
  forms: readonly Evaluation[],
  before: FormsResult,
  changed: ReadonlySet<number>,
  opts: DepartmentOptions = {},
): DepartmentAudit {
  return summed(forms, reauditForms(forms, before, changed, schemeFor(opts)), opts);
}

function schemeFor(opts: DepartmentOptions): SchemeFor | undefined {
  const id = opts.schemeId;
  return id === undefined ? undefined : () => getScheme(id);
}

function summed(forms: readonly Evaluation[], { scores, findings }: FormsResult, opts: DepartmentOptions): DepartmentAudit {
  const scheme = getScheme(opts.schemeId ?? forms[0]?.schemeId ?? 'national');
  const written = opts.written?.summaries[0];
  const fundTypes = new Map(written?.rows.map((r) => [r.name.raw, r.fundType.raw]) ?? []);
  const summary = summarizeDepartment(forms, scores, scheme, { fundTypes, ...(written && { expected: written.rows.length }) });
  let all: Finding[] = findings;
  if (opts.written && (opts.written.summaries.length || opts.written.texts.length)) {
    all = [...findings];
    for (const t of opts.written.summaries) all.push(...checkSummaryTable(t, forms, summary, scheme));
    for (const t of opts.written.texts) all.push(...checkDepartmentText(t, forms, scores, summary, scheme));
  }
  return { forms, scores, findings: all, summary };
}
