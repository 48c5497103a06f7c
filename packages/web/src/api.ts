/**
 * The server's HTTP API as the UI uses it. Errors arrive as `{code, message, details}` with Chinese
 * messages; they are thrown as ApiError so every page shows the same thing the same way.
 */
import type {
  DepartmentSummary,
  Evaluation,
  ProvinceOverview,
  EvaluationScore,
  Finding,
  ReportContent,
  ReviewScore,
  Role,
  SummaryLine,
  WorkflowAction,
} from '@jixiao/core';

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

/** The session's CSRF token, sent with every state-changing request; set at login and session load. */
let csrf = '';
export const setCsrf = (t: string) => {
  csrf = t;
};
/** Called when the server says the session is gone (401): the app shows the login page. */
let onUnauthorized: () => void = () => {};
export const setOnUnauthorized = (f: () => void) => {
  onUnauthorized = f;
};

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': csrf };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, { method, headers, ...(body !== undefined && { body: body instanceof FormData ? body : JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
}

async function fail(res: Response): Promise<never> {
  const e = ((await res.json().catch(() => null)) ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  if (res.status === 401 && e.code === 'AUTH.REQUIRED') onUnauthorized();
  throw new ApiError(res.status, e.code ?? `HTTP.${res.status}`, e.message ?? `服务器返回错误 ${res.status}`, e.details ?? {});
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await send(method, url, body);
  if (!res.ok) return fail(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
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
  /** the form's kind, e.g. self-evaluation */
  kind: string;
  departmentId: number;
  projectId: number;
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
  reviews: ReviewScore[];
  /** the total with the 复核得分 in place of the reviewed indicators' scores, 分 */
  reviewedTotal: string | null;
  /** what the logged-in user may do with this form now */
  permissions: { edit: boolean; review: boolean; delete: boolean; actions: WorkflowAction[] };
  /** the last change of status, with the reviewer's comment */
  lastStatusChange: Change | null;
  /** the same project's form of the year before: its 实际完成值 by indicator id, shown beside the targets */
  previousYear: { evaluationId: number; year: number; actuals: Record<string, string> } | null;
}

export interface Project {
  id: number;
  departmentId: number;
  name: string;
  code: string | null;
  fundType: string | null;
}

export interface FormKindInfo {
  id: string;
  title: string;
  label: string;
  layouts: string[];
}

export interface NewFormRequest {
  kind: string;
  projectId?: number;
  newProject?: { departmentId: number; name: string; code?: string; fundType?: string };
  year: number;
  from: 'blank' | 'previous-year';
  schemeId?: string;
  layout?: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  assigned: number[];
  disabled: boolean;
  createdAt: string;
}

export interface SummaryRow extends SummaryLine {
  evaluationId: number;
  status: Status;
  version: number;
  errors: number;
  warnings: number;
  infos: number;
  /** 复核得分 total, 分, when the finance reviewer scored some indicators */
  reviewedScore: string | null;
}

export interface ImportPreview {
  token: string;
  expiresAt: string;
  files: Array<{
    name: string;
    sha256: string;
    size: number;
    evaluations: Array<{
      index: number;
      project: string;
      year: number | null;
      schemeId: string;
      layout: string;
      department: string | null;
      indicators: number;
      claimedTotal: string | null;
      total: string;
      grade: string;
      errors: number;
      warnings: number;
    }>;
    summaries: number;
    texts: string[];
    /** what the importer noticed but kept going with (a row it skipped, a value it could not read) */
    notes: Array<{ code: string; message: string; src?: { file?: string; table?: number; row?: number; col?: number; line?: number } }>;
    findings: Finding[];
    /** per form, what the importer read and what it did not (issue 21) */
    reports?: ImportReport[];
  }>;
  rejected: Array<{ name: string; error: { code: string; message: string; details: Record<string, unknown> } }>;
}

type Src = { file?: string; table?: number; row?: number; col?: number; line?: number };

/** What the import preview says per form: the layout, each table's columns with their roles, weights, unplaced cells. */
export interface ImportReport {
  index: number;
  project: string;
  layout: string;
  layoutName: string;
  tables: Array<{ kind: 'budget' | 'indicators'; src: Src; columns: Array<{ header: string; src: Src; role: string | null; meaning: string }> }>;
  declaredWeights: Array<{ level1: string; label: string; declared: string; scheme: string | null; differs: boolean }>;
  unplaced: Array<{ text: string; src: Src; why: string }>;
}

export interface Change {
  id: number;
  version: number;
  at: string;
  actor: string;
  field: string;
  /** the field in Chinese, as the form names it */
  label: string;
  before: string | null;
  after: string | null;
}

export type TodoGroup = 'returned' | 'to-submit' | 'to-approve' | 'to-review';
export type FindingsFilter = 'errors' | 'warnings' | 'none';

/** One form of the to-do list (GET /api/todo). */
export interface TodoItem {
  evaluationId: number;
  kind: string;
  kindLabel: string;
  projectId: number;
  project: string;
  departmentId: number;
  department: string;
  year: number | null;
  status: Status;
  statusLabel: string;
  returned: boolean;
  version: number;
  total: string;
  grade: string;
  updatedAt: string;
  deadline: string | null;
  returnNote: { by: string; byName: string; at: string; comment: string } | null;
  errors: number | null;
  warnings: number | null;
  actions: WorkflowAction[];
}

export interface TodoList {
  groups: Array<{ id: TodoGroup; label: string; count: number }>;
  group: TodoGroup | null;
  total: number | null;
  items: TodoItem[];
  complete: boolean;
}

export interface TodoFilter {
  group?: TodoGroup | undefined;
  grade?: string | undefined;
  findings?: FindingsFilter | undefined;
  search?: string | undefined;
  year?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export interface Deadline {
  year: number;
  departmentId: number | null;
  due: string;
  setBy: string;
  at: string;
}

export type BatchOutcome =
  | { id: number; ok: true; project: string; status: Status; version: number }
  | { id: number; ok: false; code: string; message: string; details: Record<string, unknown> };

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const api = {
  session: () => request<{ user: User; csrf: string }>('GET', '/api/session'),
  login: (username: string, password: string) => request<{ user: User; csrf: string }>('POST', '/api/login', { username, password }),
  logout: () => request<void>('POST', '/api/logout'),
  changePassword: (current: string, next: string) => request<{ ok: true }>('PUT', '/api/session/password', { current, next }),
  users: () => request<User[]>('GET', '/api/users'),
  addUser: (u: { username: string; displayName: string; role: Role; departmentId?: number | null; assigned?: number[] }) =>
    request<{ user: User; password: string }>('POST', '/api/users', u),
  updateUser: (id: number, patch: Partial<Pick<User, 'displayName' | 'role' | 'departmentId' | 'assigned' | 'disabled'>> & { resetPassword?: boolean }) =>
    request<{ user: User; password?: string }>('PUT', `/api/users/${id}`, patch),
  addDepartment: (d: { code: string; name: string; parentId?: number | null }) => request<Department>('POST', '/api/departments', d),
  act: (id: number, action: WorkflowAction, version: number, comment?: string) =>
    request<EvaluationFull>('POST', `/api/evaluations/${id}/actions/${action}`, { version, ...(comment && { comment }) }),
  saveReviews: (id: number, scores: Array<{ indicatorId: string; score: string; reason: string }>) =>
    request<ReviewScore[]>('PUT', `/api/evaluations/${id}/reviews`, { scores }),
  todo: (f: TodoFilter = {}) => request<TodoList>('GET', `/api/todo${q({ ...f })}`),
  todoFindings: (ids: number[]) => request<Array<{ id: number; errors: number; warnings: number }>>('GET', `/api/todo/findings${q({ ids: ids.join(',') })}`),
  deadlines: (year?: number) => request<Deadline[]>('GET', `/api/deadlines${q({ year })}`),
  setDeadline: (d: { year: number; departmentId: number | null; due: string | null }) => request<Deadline[]>('PUT', '/api/deadlines', d),
  batch: (action: WorkflowAction, items: Array<{ id: number; version: number }>, comment?: string) =>
    request<{ outcomes: BatchOutcome[]; done: number; refused: number }>('POST', '/api/forms/batch', { action, items, ...(comment && { comment }) }),
  departments: () => request<Department[]>('GET', '/api/departments'),
  departmentTotals: (year?: number) => request<ProvinceOverview>('GET', `/api/departments/totals${q({ year })}`),
  years: (departmentId: number) => request<number[]>('GET', `/api/departments/${departmentId}/years`),
  summary: (departmentId: number, year?: number) =>
    request<{ department: Department; summary: Omit<DepartmentSummary, 'rows'> & { rows: SummaryRow[] } }>(
      'GET',
      `/api/departments/${departmentId}/summary${q({ year })}`,
    ),
  evaluation: (id: number) => request<EvaluationFull>('GET', `/api/evaluations/${id}`),
  evaluations: (filter: { departmentId?: number; projectId?: number; year?: number; kind?: string }) =>
    request<EvaluationBrief[]>('GET', `/api/evaluations${q(filter)}`),
  projects: (departmentId: number) => request<Project[]>('GET', `/api/projects${q({ departmentId })}`),
  formKinds: () => request<FormKindInfo[]>('GET', '/api/form-kinds'),
  createForm: (input: NewFormRequest) => request<EvaluationFull>('POST', '/api/forms', input),
  carryOver: (departmentId: number, year: number) =>
    request<{ created: number; existing: number }>('POST', `/api/departments/${departmentId}/carry-over`, { year }),
  changeYear: (id: number, version: number, year: number) => request<EvaluationFull>('PUT', `/api/evaluations/${id}/year`, { version, year }),
  deleteForm: (id: number, version: number) => request<void>('DELETE', `/api/evaluations/${id}${q({ version })}`),
  save: (id: number, version: number, evaluation: Evaluation) => request<EvaluationFull>('PUT', `/api/evaluations/${id}`, { version, evaluation }),
  history: (id: number) => request<Change[]>('GET', `/api/evaluations/${id}/history`),
  importFiles: (files: File[]) => {
    const fd = new FormData();
    for (const f of files) fd.append('files', f, f.name);
    return request<ImportPreview>('POST', '/api/import', fd);
  },
  commitImport: (token: string, target: { departmentId: number } | { department: { code: string; name: string } }) =>
    request<{ departmentId: number; evaluations: EvaluationBrief[] }>('POST', `/api/import/${token}/commit`, target),
  reportContent: (
    departmentId: number,
    kind: 'report' | 'disclosure',
    opts: { year?: number; projects?: number[]; projectSpending?: string; scores?: 'claimed' | 'computed' },
  ) =>
    request<ReportContent>(
      'GET',
      `/api/departments/${departmentId}/report-content${q({ kind, year: opts.year, projects: opts.projects?.join(','), projectSpending: opts.projectSpending, scores: opts.scores })}`,
    ),
  documentStatus: (departmentId: number, year?: number) => request<DocumentStatus>('GET', `/api/departments/${departmentId}/documents/status${q({ year })}`),
  startFormsZip: (departmentId: number, body: { format: string; scores: 'claimed' | 'computed'; year?: number; projects?: number[] }) =>
    request<{ job: string; total: number }>('POST', `/api/departments/${departmentId}/documents/forms-zip`, body),
  zipProgress: (job: string) =>
    request<{ state: 'running' | 'done' | 'failed'; done: number; total: number; error?: { code: string; message: string } }>(
      'GET',
      `/api/document-jobs/${job}`,
    ),
};

/** What the documents page shows before a download (GET …/documents/status). */
export interface DocumentStatus {
  differences: Array<{ seq: number; project: string; field: 'total' | 'grade'; claimed: string; computed: string }>;
  drafts: Array<{ seq: number; project: string; statusLabel: string }>;
  withErrors: Array<{ seq: number; project: string; errors: number }>;
  mark: string | null;
  warning: string | null;
}

export const formDocumentUrl = (id: number, format: string, scores: 'claimed' | 'computed' = 'computed') =>
  `/api/evaluations/${id}/document${q({ format, scores })}`;

/** Saves a response under the server's file name (content-disposition). */
async function save(res: Response, fallback: string): Promise<string> {
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const fileName = name ? decodeURIComponent(name) : fallback;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

/**
 * All forms of a department (or the 序号 chosen) as one .zip: started as a job on the server, its
 * progress polled (a PDF of each form takes LibreOffice a while), then saved.
 */
export async function downloadFormsZip(
  departmentId: number,
  body: { format: string; scores: 'claimed' | 'computed'; year?: number; projects?: number[] },
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const { job, total } = await api.startFormsZip(departmentId, body);
  onProgress(0, total);
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const p = await api.zipProgress(job);
    onProgress(p.done, p.total);
    if (p.state === 'failed') throw new ApiError(422, p.error?.code ?? 'EXPORT.FAILED', p.error?.message ?? '打包失败');
    if (p.state === 'done') break;
  }
  const res = await send('GET', `/api/document-jobs/${job}/file`);
  if (!res.ok) return fail(res);
  return save(res, 'forms.zip');
}

/** Fetches a document (POST, so the report's slot texts can travel in the body) and saves it under the server's file name. */
export async function downloadDepartmentDocument(
  departmentId: number,
  kind: 'summary' | 'report' | 'disclosure',
  body: Record<string, unknown>,
): Promise<string> {
  const res = await send('POST', `/api/departments/${departmentId}/documents/${kind}`, body);
  if (!res.ok) return fail(res);
  return save(res, `document.${String(body.format ?? 'docx')}`);
}

/** The chosen forms of one department and year as one .zip (docx, computed scores), saved under the server's name. */
export async function downloadChosenForms(departmentId: number, year: number | null, ids: number[]): Promise<string> {
  const res = await send(
    'GET',
    `/api/departments/${departmentId}/documents/forms.zip${q({ format: 'docx', scores: 'computed', year: year ?? undefined, ids: ids.join(',') })}`,
  );
  if (!res.ok) return fail(res);
  return save(res, 'forms.zip');
}
