/**
 * The server's HTTP API as the UI uses it. Errors arrive as `{code, message, details}` with Chinese
 * messages; they are thrown as ApiError so every page shows the same thing the same way.
 */
import type { DepartmentSummary, Evaluation, EvaluationScore, Finding, ReportContent, SummaryLine } from '@jixiao/core';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      ...(body !== undefined && { body: body instanceof FormData ? body : JSON.stringify(body), headers: body instanceof FormData ? {} : { 'content-type': 'application/json' } }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new ApiError(res.status, e.code ?? `HTTP.${res.status}`, e.message ?? `服务器返回错误 ${res.status}`, e.details ?? {});
  }
  return data as T;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

export type Status = 'draft' | 'submitted' | 'unit-approved' | 'finance-reviewed';

export interface EvaluationBrief {
  id: number;
  departmentId: number;
  project: string;
  year: number | null;
  schemeId: string;
  status: Status;
  version: number;
  total: string;
  grade: string;
  claimedTotal: string | null;
  updatedAt: string;
}

export interface EvaluationFull extends EvaluationBrief {
  evaluation: Evaluation;
  score: EvaluationScore;
  findings: Finding[];
}

export interface SummaryRow extends SummaryLine {
  evaluationId: number;
  status: Status;
  version: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ImportPreview {
  token: string;
  expiresAt: string;
  files: Array<{
    name: string;
    sha256: string;
    size: number;
    evaluations: Array<{ index: number; project: string; year: number | null; schemeId: string; layout: string; department: string | null; indicators: number; claimedTotal: string | null; total: string; grade: string; errors: number; warnings: number }>;
    summaries: number;
    texts: string[];
    /** what the importer noticed but kept going with (a row it skipped, a value it could not read) */
    notes: Array<{ code: string; message: string; src?: { file?: string; table?: number; row?: number; col?: number; line?: number } }>;
    findings: Finding[];
  }>;
  rejected: Array<{ name: string; error: { code: string; message: string; details: Record<string, unknown> } }>;
}

export interface Change {
  id: number;
  version: number;
  at: string;
  actor: string;
  field: string;
  before: string | null;
  after: string | null;
}

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const api = {
  departments: () => request<Department[]>('GET', '/api/departments'),
  years: (departmentId: number) => request<number[]>('GET', `/api/departments/${departmentId}/years`),
  summary: (departmentId: number, year?: number) => request<{ department: Department; summary: Omit<DepartmentSummary, 'rows'> & { rows: SummaryRow[] } }>('GET', `/api/departments/${departmentId}/summary${q({ year })}`),
  evaluation: (id: number) => request<EvaluationFull>('GET', `/api/evaluations/${id}`),
  save: (id: number, version: number, evaluation: Evaluation) => request<EvaluationFull>('PUT', `/api/evaluations/${id}`, { version, evaluation }),
  history: (id: number) => request<Change[]>('GET', `/api/evaluations/${id}/history`),
  importFiles: (files: File[]) => {
    const fd = new FormData();
    for (const f of files) fd.append('files', f, f.name);
    return request<ImportPreview>('POST', '/api/import', fd);
  },
  commitImport: (token: string, target: { departmentId: number } | { department: { code: string; name: string } }) =>
    request<{ departmentId: number; evaluations: EvaluationBrief[] }>('POST', `/api/import/${token}/commit`, target),
  reportContent: (departmentId: number, kind: 'report' | 'disclosure', opts: { year?: number; projects?: number[]; projectSpending?: string }) =>
    request<ReportContent>('GET', `/api/departments/${departmentId}/report-content${q({ kind, year: opts.year, projects: opts.projects?.join(','), projectSpending: opts.projectSpending })}`),
};

export const formDocumentUrl = (id: number, format: string, scores: 'claimed' | 'computed' = 'claimed') => `/api/evaluations/${id}/document${q({ format, scores })}`;

/** Fetches a document (POST, so the report's slot texts can travel in the body) and saves it under the server's file name. */
export async function downloadDepartmentDocument(departmentId: number, kind: 'summary' | 'report' | 'disclosure', body: Record<string, unknown>): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/departments/${departmentId}/documents/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, e.code ?? `HTTP.${res.status}`, e.message ?? `服务器返回错误 ${res.status}`);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const fileName = name ? decodeURIComponent(name) : `document.${String(body.format ?? 'docx')}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
