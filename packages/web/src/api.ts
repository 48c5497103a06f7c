/**
 * The server's HTTP API as the UI uses it. Errors arrive as `{code, message, details}` with Chinese
 * messages; they are thrown as ApiError so every page shows the same thing the same way.
 */
import type { contract, Evaluation, GoalForm, Role, WorkflowAction } from '@jixiao/core';

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

// The answers' types come from the API's contract (core/src/api), the zod schemas the server declares
// on its routes and checks its answers against in the tests: nothing here is a hand-kept copy.
export type Department = contract.Department;
export type Status = contract.EvaluationBrief['status'];
export type EvaluationBrief = contract.EvaluationBrief;
/** a form whole: its figures, check, 复核得分, history and what the logged-in user may do */
export type FormView = contract.FormView;
/** a 自评表 whole: its document an Evaluation, with its score (the contract's view of a scored kind) */
export type EvaluationFull = Omit<FormView, 'evaluation' | 'score'> & { evaluation: Evaluation; score: NonNullable<FormView['score']> };
export type Project = contract.Project;
export type FormKindInfo = contract.FormKindInfo;
export type User = contract.User;
export type SummaryRow = contract.SummaryRow;
export type ImportPreview = contract.ImportPreview;

/** A goal form (绩效目标申报表) as GET /api/evaluations/:id gives it: the same view, its form a GoalForm and no score. */
export type GoalFull = Omit<FormView, 'kind' | 'evaluation' | 'score'> & { kind: 'goal'; evaluation: GoalForm; score: null };
/** Any stored form as the API gives it; `kind` tells which. */
export type FormFull = EvaluationFull | GoalFull;
export const isGoal = (f: FormFull): f is GoalFull => f.kind === 'goal';
/** What the import preview says per form: the layout, each table's columns with their roles, weights, unplaced cells. */
export type ImportReport = contract.FormReport;
export type FormReadout = contract.FormReadout;
/** a change in the history, its field named in Chinese */
export type Change = contract.HistoryEntry;
/** What the documents page shows before a download (GET …/documents/status). */
export type DocumentStatus = contract.DocumentCheck;

/** the body of POST /api/forms (a whole form is sent by the import, not from here) */
export type NewFormRequest = contract.NewFormBody;

// 待办 and batch work (issue 23): the answers from the contract
export type TodoGroup = contract.TodoList['groups'][number]['id'];
export type TodoItem = contract.TodoItem;
export type TodoList = contract.TodoList;
export type Deadline = contract.Deadline;
export type BatchOutcome = contract.BatchResult['outcomes'][number];
export type FindingsFilter = 'errors' | 'warnings' | 'none';

/** the query of GET /api/todo */
export interface TodoFilter {
  group?: TodoGroup | undefined;
  grade?: string | undefined;
  findings?: FindingsFilter | undefined;
  search?: string | undefined;
  year?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const api = {
  session: () => request<contract.SessionView>('GET', '/api/session'),
  login: (username: string, password: string) => request<contract.SessionView>('POST', '/api/login', { username, password }),
  logout: () => request<void>('POST', '/api/logout'),
  changePassword: (current: string, next: string) => request<contract.Ok>('PUT', '/api/session/password', { current, next }),
  users: () => request<User[]>('GET', '/api/users'),
  addUser: (u: { username: string; displayName: string; role: Role; departmentId?: number | null; assigned?: number[] }) =>
    request<contract.UserCreated>('POST', '/api/users', u),
  updateUser: (id: number, patch: Partial<Pick<User, 'displayName' | 'role' | 'departmentId' | 'assigned' | 'disabled'>> & { resetPassword?: boolean }) =>
    request<contract.UserUpdated>('PUT', `/api/users/${id}`, patch),
  addDepartment: (d: { code: string; name: string; parentId?: number | null }) => request<Department>('POST', '/api/departments', d),
  updateDepartment: (id: number, patch: { name?: string; parentId?: number | null }) => request<Department>('PUT', `/api/departments/${id}`, patch),
  saveReviewOpinion: (id: number, text: string) =>
    request<{ text: string; reviewer: string; at: string } | null>('PUT', `/api/evaluations/${id}/review-opinion`, { text }),
  act: <F extends FormFull = EvaluationFull>(id: number, action: WorkflowAction, version: number, comment?: string) =>
    request<F>('POST', `/api/evaluations/${id}/actions/${action}`, { version, ...(comment && { comment }) }),
  saveReviews: (id: number, scores: Array<{ indicatorId: string; score: string; reason: string }>) =>
    request<contract.ReviewScore[]>('PUT', `/api/evaluations/${id}/reviews`, { scores }),
  todo: (f: TodoFilter = {}) => request<TodoList>('GET', `/api/todo${q({ ...f })}`),
  todoFindings: (ids: number[]) => request<contract.FindingCounts>('GET', `/api/todo/findings${q({ ids: ids.join(',') })}`),
  deadlines: (year?: number) => request<Deadline[]>('GET', `/api/deadlines${q({ year })}`),
  setDeadline: (d: { year: number; departmentId: number | null; due: string | null }) => request<Deadline[]>('PUT', '/api/deadlines', d),
  batch: (action: WorkflowAction, items: Array<{ id: number; version: number }>, comment?: string) =>
    request<contract.BatchResult>('POST', '/api/forms/batch', { action, items, ...(comment && { comment }) }),
  departments: () => request<Department[]>('GET', '/api/departments'),
  departmentTotals: (year?: number) => request<contract.ProvinceOverview>('GET', `/api/departments/totals${q({ year })}`),
  years: (departmentId: number) => request<number[]>('GET', `/api/departments/${departmentId}/years`),
  summary: (departmentId: number, year?: number) => request<contract.DepartmentSummaryView>('GET', `/api/departments/${departmentId}/summary${q({ year })}`),
  evaluation: (id: number) => request<EvaluationFull>('GET', `/api/evaluations/${id}`),
  /** a stored form of any kind (the editor page opens each kind's editor) */
  form: (id: number) => request<FormFull>('GET', `/api/evaluations/${id}`),
  evaluations: (filter: { departmentId?: number; projectId?: number; year?: number; kind?: string }) =>
    request<EvaluationBrief[]>('GET', `/api/evaluations${q(filter)}`),
  projects: (departmentId: number) => request<Project[]>('GET', `/api/projects${q({ departmentId })}`),
  formKinds: () => request<FormKindInfo[]>('GET', '/api/form-kinds'),
  createForm: (input: NewFormRequest) => request<FormFull>('POST', '/api/forms', input),
  carryOver: (departmentId: number, year: number) => request<contract.CarryOverResult>('POST', `/api/departments/${departmentId}/carry-over`, { year }),
  changeYear: <F extends FormFull = EvaluationFull>(id: number, version: number, year: number) =>
    request<F>('PUT', `/api/evaluations/${id}/year`, { version, year }),
  deleteForm: (id: number, version: number) => request<void>('DELETE', `/api/evaluations/${id}${q({ version })}`),
  save: (id: number, version: number, evaluation: Evaluation) => request<EvaluationFull>('PUT', `/api/evaluations/${id}`, { version, evaluation }),
  saveGoal: (id: number, version: number, evaluation: GoalForm) => request<GoalFull>('PUT', `/api/evaluations/${id}`, { version, evaluation }),
  history: (id: number) => request<Change[]>('GET', `/api/evaluations/${id}/history`),
  /** this form's findings in the department's check across forms (A9): what the 汇总表 counts beyond the form's own */
  departmentFindings: (id: number) => request<contract.Finding[]>('GET', `/api/evaluations/${id}/department-findings`),
  /** `kind`: read every file as this kind of form; none: each file's title says which it is */
  importFiles: (files: File[], kind?: 'self-evaluation' | 'goal') => {
    const fd = new FormData();
    for (const f of files) fd.append('files', f, f.name);
    return request<ImportPreview>('POST', `/api/import${kind ? `?kind=${kind}` : ''}`, fd);
  },
  commitImport: (token: string, target: { departmentId: number } | { department: { code: string; name: string } }) =>
    request<contract.ImportCommitted>('POST', `/api/import/${token}/commit`, target),
  reportContent: (
    departmentId: number,
    kind: 'report' | 'disclosure',
    opts: { year?: number; projects?: number[]; projectSpending?: string; scores?: 'claimed' | 'computed' },
  ) =>
    request<contract.ReportContent>(
      'GET',
      `/api/departments/${departmentId}/report-content${q({ kind, year: opts.year, projects: opts.projects?.join(','), projectSpending: opts.projectSpending, scores: opts.scores })}`,
    ),
  documentStatus: (departmentId: number, year?: number) => request<DocumentStatus>('GET', `/api/departments/${departmentId}/documents/status${q({ year })}`),
  startFormsZip: (departmentId: number, body: { format: string; scores: 'claimed' | 'computed'; year?: number; projects?: number[] }) =>
    request<contract.ZipJobStarted>('POST', `/api/departments/${departmentId}/documents/forms-zip`, body),
  zipProgress: (job: string) => request<contract.ZipJobProgress>('GET', `/api/document-jobs/${job}`),
};

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
