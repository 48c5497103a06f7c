/**
 * Findings by the cell they are about, so each one can sit beside its cell: an indicator's field
 * (`ind:3:actual`), a model path (`budget.lines[0].rate`, `claimed.total`), or a section.
 */
import type { Finding, Severity } from '@jixiao/core';

export interface FindingIndex {
  /** findings of one indicator row, all fields */
  row(i: number): Finding[];
  /** findings of one indicator cell */
  cell(i: number, field: string): Finding[];
  /** findings whose field is a model path (budget cells, total, goals) */
  path(field: string): Finding[];
  section(section: Finding['location']['section']): Finding[];
}

const EMPTY: Finding[] = [];

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const rows = new Map<number, Finding[]>();
  const cells = new Map<string, Finding[]>();
  const paths = new Map<string, Finding[]>();
  const sections = new Map<string, Finding[]>();
  const push = <K>(m: Map<K, Finding[]>, k: K, f: Finding) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  for (const f of findings) {
    const { indicator, field, section } = f.location;
    push(sections, section, f);
    if (indicator !== undefined) {
      push(rows, indicator, f);
      if (field) push(cells, `${indicator}:${field}`, f);
    } else if (field) push(paths, field, f);
  }
  return {
    row: (i) => rows.get(i) ?? EMPTY,
    cell: (i, field) => cells.get(`${i}:${field}`) ?? EMPTY,
    path: (field) => paths.get(field) ?? EMPTY,
    section: (s) => sections.get(s) ?? EMPTY,
  };
}

/**
 * A string that changes when the findings about fields starting with one of `prefixes` (outside the
 * indicator rows) change: a memoised part of the editor redraws for its own findings only.
 */
export function signature(findings: readonly Finding[], prefixes: readonly string[]): string {
  let out = '';
  for (const f of findings) {
    const field = f.location.field;
    if (f.location.indicator === undefined && field !== undefined && prefixes.some((p) => field.startsWith(p))) out += `${f.code}:${field}:${f.message}|`;
  }
  return out;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity among findings, as an input status (info draws no border). */
export function statusOf(findings: readonly Finding[]): 'error' | 'warning' | undefined {
  let best: Severity | null = null;
  for (const f of findings) if (best === null || RANK[f.severity] < RANK[best]) best = f.severity;
  return best === 'error' ? 'error' : best === 'warning' ? 'warning' : undefined;
}

export function bySeverity(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity];
}
