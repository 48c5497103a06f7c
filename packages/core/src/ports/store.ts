/**
 * What the application needs from storage, defined here in the core so that the store (SQLite or
 * PostgreSQL) is an adapter behind it. Every multi-row write is one transaction; an evaluation
 * carries a version, and a write with a stale version is refused with the current one.
 */
import type { FormDocument } from '../model/form-document.ts';
import type { FormFigures } from '../model/form-figures.ts';

export type EvaluationStatus = 'draft' | 'submitted' | 'unit-approved' | 'finance-reviewed';

export interface Department {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

export interface Project {
  id: number;
  departmentId: number;
  name: string;
  code: string | null;
  fundType: string | null;
}

/** A form ready to be stored: its kind, the document, and the figures its kind computed from it. */
export interface PreparedForm {
  kind: string;
  /** the document, of the kind named (the application parsed it with that kind's schema) */
  evaluation: FormDocument;
  figures: FormFigures;
}

export interface StoredEvaluation {
  id: number;
  /** the form's kind (kinds/registry.ts) */
  kind: string;
  projectId: number;
  departmentId: number;
  year: number | null;
  schemeId: string;
  status: EvaluationStatus;
  /** increases by one on every write; writes must name the version they read */
  version: number;
  /** the document, of the kind named by `kind` */
  evaluation: FormDocument;
  /** computed by the form's kind when saved (the store keeps it for queries): 分 as integer hundredths */
  totalHundredths: number;
  grade: string;
  updatedAt: string;
}

/** A form's place, kind, status and version; `updatedAt` also moves with its 复核得分. */
export interface EvaluationStamp {
  departmentId: number;
  projectId: number;
  kind: string;
  status: EvaluationStatus;
  version: number;
  updatedAt: string;
}

export interface EvaluationFilter {
  kind?: string;
  projectId?: number;
  year?: number;
  departmentId?: number;
  grade?: string;
  status?: EvaluationStatus;
}

export interface SourceFile {
  name: string;
  sha256: string;
  bytes: Uint8Array;
}

export interface Change {
  id: number;
  evaluationId: number;
  version: number;
  at: string;
  actor: string;
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * The kind the department summaries count (汇总表, grade counts, 各部门汇总): the scored self-evaluation.
 * A goal form has no score or grade, and its funds are the same money the year's 自评表 accounts for.
 */
export const SUMMARY_KIND = 'self-evaluation';

export interface SummaryRowData {
  evaluationId: number;
  project: string;
  year: number | null;
  fundType: string | null;
  /** 全年预算数 and 全年执行数 in 分 */
  budgetFen: number | null;
  executedFen: number | null;
  totalHundredths: number;
  grade: string;
  status: EvaluationStatus;
}

/** The sums for the forms of one department with one grade (of a year): see `Store.departmentTotals`. */
export interface DepartmentGradeTotals {
  departmentId: number;
  grade: string;
  forms: number;
  /** Σ 全年预算数 and Σ 全年执行数 in 分, over the forms that state them (bigint: a province's sum need not fit 2⁵³) */
  budgetFen: bigint;
  executedFen: bigint;
}

/** A finance reviewer's 复核得分 of one indicator, beside the self-evaluated score. */
export interface ReviewScore {
  /** the indicator's id (model/indicator-ids.ts): the score stays with it when rows move */
  indicatorId: string;
  /** 分, decimal string */
  score: string;
  reason: string;
  reviewer: string;
  at: string;
}

/** The finance reviewer's 复核意见 of a whole form: one text per form, beside the 复核得分. */
export interface ReviewOpinion {
  text: string;
  reviewer: string;
  at: string;
}

/** The form as it was handed in: written at each submission, never changed afterwards. */
export interface Snapshot {
  id: number;
  evaluationId: number;
  version: number;
  status: EvaluationStatus;
  at: string;
  actor: string;
  comment: string | null;
  evaluation: FormDocument;
}

/**
 * What waits for someone (待办): forms in given states, in the departments they see (null: all), narrowed
 * by year, department, grade and a piece of the project's name. `returned` splits the drafts: a draft that
 * has had a change of status can only have come back by a 退回.
 */
export interface WorkQuery {
  /** the departments seen; null for all (an administrator) */
  departments: readonly number[] | null;
  statuses: readonly EvaluationStatus[];
  departmentId?: number | undefined;
  year?: number | undefined;
  grade?: string | undefined;
  /** a piece of the project's name */
  search?: string | undefined;
}

/** One form of a to-do list: what the list shows without reading the form's document. */
export interface WorkItem {
  evaluationId: number;
  kind: string;
  projectId: number;
  project: string;
  departmentId: number;
  department: string;
  year: number | null;
  status: EvaluationStatus;
  /** a draft that came back by a 退回 */
  returned: boolean;
  version: number;
  totalHundredths: number;
  grade: string;
  updatedAt: string;
}

/** The 退回 that made a form a draft again: who, when, and the comment written. */
export interface ReturnNote {
  evaluationId: number;
  actor: string;
  at: string;
  comment: string;
}

/** A deadline set by the finance bureau for a year's forms: of one department, or of all (departmentId null). */
export interface Deadline {
  year: number;
  departmentId: number | null;
  /** YYYY-MM-DD */
  due: string;
  setBy: string;
  at: string;
}

/** A write named a version that is no longer current. */
export class VersionConflict extends Error {
  readonly code = 'STORE.VERSION_CONFLICT';
  constructor(readonly current: StoredEvaluation) {
    super(`该表已被他人修改（当前版本 ${current.version}），请重新载入后再保存`);
  }
}

export class NotFound extends Error {
  readonly code = 'STORE.NOT_FOUND';
}

export interface Store {
  listDepartments(): Promise<Department[]>;
  getDepartment(id: number): Promise<Department | null>;
  /** creates the department, or returns the one with this code (an import names its department by code) */
  ensureDepartment(d: { code: string; name: string; parentId?: number | null }): Promise<Department>;
  /** creates a new department; a code already used is `DEPARTMENT.DUPLICATE_CODE`, naming the department that has it */
  createDepartment(d: { code: string; name: string; parentId?: number | null }): Promise<Department>;
  /**
   * renames a department or moves it under another (null: to the top); a parent that is the department
   * itself or one below it is `DEPARTMENT.CYCLE`, checked in the write's transaction
   */
  updateDepartment(id: number, patch: { name?: string; parentId?: number | null }): Promise<Department>;
  listProjects(departmentId?: number): Promise<Project[]>;
  listEvaluations(filter?: EvaluationFilter): Promise<StoredEvaluation[]>;
  getEvaluation(id: number): Promise<StoredEvaluation | null>;
  /** what a use case decides on before touching a form — where it is, its kind, status and version — without the document */
  evaluationStamp(id: number): Promise<EvaluationStamp | null>;
  /**
   * The version and stamp of each of a department's forms (of a year), in `listEvaluations` order,
   * without the documents: a form's document and status at a given version never change, so equal
   * (id, version) lists mean an unchanged department.
   */
  evaluationVersions(filter: {
    departmentId: number;
    kind?: string | undefined;
    year?: number | undefined;
  }): Promise<Array<{ id: number; version: number; updatedAt: string }>>;
  /** creates a project in a department; a name already used there is `STORE.DUPLICATE` */
  createProject(p: { departmentId: number; name: string; code?: string | null; fundType?: string | null }): Promise<Project>;
  getProject(id: number): Promise<Project | null>;
  /**
   * inserts forms (creating their projects) and their source file, all or nothing; a second form of a
   * kind for a project-year is `STORE.DUPLICATE`, also when another writer got there first
   */
  importEvaluations(input: { departmentId: number; forms: readonly PreparedForm[]; source?: SourceFile; actor: string }): Promise<StoredEvaluation[]>;
  /**
   * replaces the form if `expectedVersion` is current; records every changed field (indicators by id).
   * The 复核得分 of indicators no longer on the form are removed, each removal kept in the history.
   */
  updateEvaluation(id: number, form: PreparedForm, expectedVersion: number, actor: string): Promise<StoredEvaluation>;
  /**
   * `updateEvaluation` of several forms in ONE transaction, in order: a conflict on any stores none of them
   * (a goal form's adjustment and the 自评表 it reaches, issue 20).
   */
  updateEvaluations(updates: ReadonlyArray<{ id: number; form: PreparedForm; expectedVersion: number }>, actor: string): Promise<StoredEvaluation[]>;
  /**
   * Several files' forms in ONE transaction, the department created in it when named by code (a code
   * already used by a department of another name is `DEPARTMENT.DUPLICATE_CODE`): all or nothing; a failure names its file (`details.file`). With `commitKey`, a second commit of the same key
   * — concurrent or later — fails with IMPORT.ALREADY_COMMITTED and stores nothing (issue 24).
   */
  importFiles(input: {
    department: { id: number } | { code: string; name: string };
    files: ReadonlyArray<{ source?: SourceFile; forms: readonly PreparedForm[] }>;
    actor: string;
    commitKey?: string;
  }): Promise<{ departmentId: number; evaluations: StoredEvaluation[] }>;
  /** the department a form belongs to — or belonged to, once deleted — or null for an id never used */
  evaluationDepartment(id: number): Promise<{ departmentId: number; deleted: boolean } | null>;
  deleteEvaluation(id: number, expectedVersion: number, actor: string): Promise<void>;
  history(evaluationId: number): Promise<Change[]>;
  sourceFile(sha256: string): Promise<(SourceFile & { size: number }) | null>;
  /** the 汇总表's rows: the department's forms of SUMMARY_KIND (of a year) */
  summaryRows(departmentId: number, year?: number): Promise<SummaryRowData[]>;
  /** forms of SUMMARY_KIND by grade (of a year) */
  gradeCounts(year?: number): Promise<Record<string, number>>;
  /** Per department and grade: forms of SUMMARY_KIND, Σ 预算数 and Σ 执行数 (of a year), in one grouped query — 各部门汇总 */
  departmentTotals(year?: number): Promise<DepartmentGradeTotals[]>;
  // The review workflow (issue 8)
  /**
   * Moves a form to `to` if it is still at `expectedVersion`, records the change of status (with the
   * comment) in the history, and — when `snapshot` — freezes a copy of the form; all in one transaction.
   */
  setStatus(
    id: number,
    to: EvaluationStatus,
    expectedVersion: number,
    actor: string,
    opts: { comment?: string; snapshot?: boolean },
  ): Promise<StoredEvaluation>;
  snapshots(evaluationId: number): Promise<Snapshot[]>;
  /** the latest change of status (with its comment), without reading the whole history */
  lastStatusChange(evaluationId: number): Promise<Change | null>;
  reviews(evaluationId: number): Promise<ReviewScore[]>;
  /**
   * The 复核得分 of many forms at once, by form id (forms without any are absent): a department's 汇总表
   * shows every form's reviewed total, and one query per form was a round trip each on PostgreSQL.
   */
  reviewsOf(evaluationIds: readonly number[]): Promise<Map<number, ReviewScore[]>>;
  /** replaces the 复核得分 of the indicators given; each change also goes to the history */
  saveReviews(
    evaluationId: number,
    scores: ReadonlyArray<Omit<ReviewScore, 'reviewer' | 'at'>>,
    actor: string,
    expectedVersion?: number,
  ): Promise<ReviewScore[]>;
  /** the finance reviewer's 复核意见 of a form, or null */
  reviewOpinion(evaluationId: number): Promise<ReviewOpinion | null>;
  /** the 复核意见 of many forms at once, by form id (forms without one are absent): a department's documents */
  reviewOpinionsOf(evaluationIds: readonly number[]): Promise<Map<number, ReviewOpinion>>;
  /**
   * sets (or, with empty text, removes) the 复核意见 of a form, on the version read, the change kept in
   * the history as the field `复核意见`
   */
  saveReviewOpinion(evaluationId: number, text: string, actor: string, expectedVersion?: number): Promise<ReviewOpinion | null>;
  // The to-do lists (issue 23)
  /** how many forms wait in each state (drafts split by `returned`), over the query */
  workCounts(q: WorkQuery): Promise<Array<{ status: EvaluationStatus; returned: boolean; forms: number }>>;
  /** one page of the forms of the query (drafts narrowed by `returned` when given), by project (so by department), then id */
  workItems(q: WorkQuery & { returned?: boolean | undefined; offset: number; limit: number }): Promise<WorkItem[]>;
  /** the 退回 that made each of these drafts a draft again (forms never returned are absent) */
  returnNotes(evaluationIds: readonly number[]): Promise<Map<number, ReturnNote>>;
  /** the deadlines of a year (or of all years) */
  deadlines(year?: number): Promise<Deadline[]>;
  /** sets (or, with `due` null, removes) the deadline of a department's forms of a year, or of everyone's (departmentId null) */
  setDeadline(d: { year: number; departmentId: number | null; due: string | null; actor: string }): Promise<void>;
  /** the departments whose forms came from this source file */
  sourceFileDepartments(sha256: string): Promise<number[]>;
  close(): Promise<void>;
}
