/** `jixiao audit FILE...`: findings grouped by form and rule; exit code 1 when any error remains. */
import type { Finding } from '@jixiao/core';
import { runDepartment } from '../department-run.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export async function auditCommand(files: string[], opts: { json?: boolean; scheme?: string }, out: (s: string) => void): Promise<number> {
  const { findings, dept } = await runDepartment(files, opts.scheme);
  if (opts.json) out(JSON.stringify(findings, null, 2));
  else {
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = f.location.form ? `【${f.location.form.index + 1}】${f.location.form.project}` : `【部门】${f.location.section === 'summary' ? '汇总表' : f.location.section === 'disclosure' ? '决算公开说明' : '整体自评报告'}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [form, list] of groups) {
      out(form);
      const byRule = [...list].sort((a, b) => Number(a.rule.slice(1)) - Number(b.rule.slice(1)));
      for (const f of byRule) {
        const where = f.location.src?.line ? `（第${f.location.src.line}行）` : '';
        out(`  ${f.rule} ${SEVERITY[f.severity]} ${f.message}${where}${f.fix ? ` → 建议：${f.fix.label}` : ''}`);
      }
      out('');
    }
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    out(`${dept.forms.length} 张自评表：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
