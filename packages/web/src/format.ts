/** How numbers look on screen: fixed decimals (万元 2, % 2, 分 the scheme's), right-aligned in tables. */
import { round } from '@jixiao/core';

/** A decimal string to fixed places, half up; '—' when there is none. Exact: no float on the way. */
export function fixed(v: string | null | undefined, places = 2): string {
  if (v === null || v === undefined || v === '') return '—';
  const r = round(v, places);
  const [i, f = ''] = r.split('.');
  return places > 0 ? `${i}.${f.padEnd(places, '0')}` : i!;
}

export const GRADE_COLORS: Record<string, string> = { 优: '#389e0d', 良: '#1677ff', 中: '#d48806', 差: '#cf1322' };
export const GRADES = ['优', '良', '中', '差'] as const;

export const STATUS_LABELS: Record<string, string> = { draft: '草稿', submitted: '已提交', 'unit-approved': '单位已审核', 'finance-reviewed': '财政已复核' };

/** A stored form's kind by the name on the paper form, for lists and messages. */
export const KIND_LABELS: Record<string, string> = { goal: '绩效目标申报表', 'self-evaluation': '自评表' };

export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;
export const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

/**
 * 万元 as the documents print them: 2 decimals, or more when the figure states more (6.695 万元 is
 * 66,950 元 exactly; rounding it would make the screen disagree with the stored form).
 */
export function money(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const places = v.split('.')[1]?.length ?? 0;
  return fixed(v, Math.max(2, places));
}

/**
 * Text for an HTML string (ECharts tooltips are HTML): a project name such as `<img src=x onerror=…>`
 * shows as written and never becomes markup (issue 24: a 填报人's project name ran as script in the
 * administrator's browser when the chart was hovered).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
