/** Findings as text for the terminal: grouped by form, ordered by rule, with the cell and the fix. */
import type { Finding } from '@jixiao/core';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

function groupName(f: Finding): string {
  if (f.location.form) return `【${f.location.form.index + 1}】${f.location.form.project}`;
  return `【部门】${f.location.section === 'summary' ? '汇总表' : f.location.section === 'disclosure' ? '决算公开说明' : '整体自评报告'}`;
}

function where(f: Finding): string {
  const s = f.location.src;
  if (!s) return '';
  if (s.line !== undefined) return `（第${s.line}行）`;
  if (s.row !== undefined) return `（表${s.table ?? 1} 第${s.row}行${s.col !== undefined ? ` 第${s.col}列` : ''}）`;
  return '';
}

export function formatFindings(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(groupName(f), [...(groups.get(groupName(f)) ?? []), f]);
  const out: string[] = [];
  for (const [name, list] of groups) {
    out.push(name);
    for (const f of [...list].sort((a, b) => Number(a.rule.slice(1)) - Number(b.rule.slice(1))))
      out.push(`  ${f.rule} ${SEVERITY[f.severity]} ${f.message}${where(f)}${f.fix ? ` → 建议：${f.fix.label}` : ''}`);
    out.push('');
  }
  return out;
}

export function countLine(forms: number, findings: readonly Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${forms} 张自评表：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`;
}
