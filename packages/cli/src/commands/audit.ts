/** `jixiao audit FILE...`: findings grouped by form and rule; exit code 1 when any error remains. */
import { runDepartment } from '../department-run.ts';
import { countLine, formatFindings } from '../print-findings.ts';

export async function auditCommand(files: string[], opts: { json?: boolean; scheme?: string }, out: (s: string) => void): Promise<number> {
  const { findings, dept } = await runDepartment(files, opts.scheme);
  if (opts.json) out(JSON.stringify(findings, null, 2));
  else {
    formatFindings(findings).forEach((l) => out(l));
    out(countLine(dept.forms.length, findings));
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
