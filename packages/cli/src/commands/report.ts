/** `jixiao report FILE... --kind overall|disclosure`: the generated text of the report. */
import { disclosureText, overallReport, renderReportText } from '@jixiao/core';
import { CliError } from '../errors.ts';
import { runDepartment } from '../department-run.ts';

export interface ReportOptions {
  kind: string;
  json?: boolean;
  scheme?: string;
  projects?: string;
  projectSpending?: string;
}

export async function reportCommand(files: string[], opts: ReportOptions, out: (s: string) => void): Promise<void> {
  if (opts.kind !== 'overall' && opts.kind !== 'disclosure') throw new CliError('USAGE.BAD_KIND', `--kind 只能是 overall 或 disclosure，收到“${opts.kind}”`);
  const run = await runDepartment(files, opts.scheme);
  const input = { forms: run.dept.forms, scores: run.scores, summary: run.summary, findings: run.findings };
  let content;
  if (opts.kind === 'overall') content = overallReport(input);
  else {
    const projects = opts.projects?.split(',').map((x) => Number(x.trim()) - 1);
    if (projects?.some((p) => !Number.isInteger(p) || p < 0 || p >= run.dept.forms.length))
      throw new CliError('USAGE.BAD_PROJECTS', `--projects 应为 1 到 ${run.dept.forms.length} 之间的序号，用逗号分隔`);
    content = disclosureText(input, { ...(projects && { projects }), ...(opts.projectSpending && { projectSpending: opts.projectSpending }) });
  }
  out(opts.json ? JSON.stringify(content, null, 2) : renderReportText(content));
}
