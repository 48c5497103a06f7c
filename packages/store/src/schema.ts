/** Table types for Kysely. Identical on SQLite and PostgreSQL. */
import type { Generated } from 'kysely';

export interface DepartmentsTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
}

export interface ProjectsTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  code: string | null;
  fund_type: string | null;
}

export interface SourceFilesTable {
  id: Generated<number>;
  sha256: string;
  name: string;
  size: number;
  content: Uint8Array;
  created_at: string;
}

export interface EvaluationsTable {
  id: Generated<number>;
  project_id: number;
  /** 0 when the form states no year (unique with project_id) */
  year: number;
  scheme_id: string;
  layout: string;
  status: string;
  version: number;
  /** the form's kind (core kinds/registry.ts); one form of each kind per project and year */
  kind: Generated<string>;
  /** the whole form as JSON: lossless, the source of truth */
  document: string;
  source_file_id: number | null;
  /** 分, integers */
  budget_fen: number | null;
  executed_fen: number | null;
  /** 分 × 100 */
  claimed_total_hundredths: number | null;
  total_hundredths: number;
  grade: string;
  created_at: string;
  updated_at: string;
}

export interface ChangesTable {
  id: Generated<number>;
  evaluation_id: number;
  version: number;
  at: string;
  actor: string;
  field: string;
  before: string | null;
  after: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  department_id: number | null;
  /** scrypt$N$r$p$salt$hash (server/src/auth/password.ts) */
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface UserDepartmentsTable {
  user_id: number;
  department_id: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token */
  id: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface SnapshotsTable {
  id: Generated<number>;
  evaluation_id: number;
  version: number;
  status: string;
  at: string;
  actor: string;
  comment: string | null;
  document: string;
}

export interface ReviewsTable {
  evaluation_id: number;
  /** the indicator's id in the form (core model/indicator-ids.ts) */
  indicator_id: string;
  /** 分 × 100 */
  score_hundredths: number;
  reason: string;
  reviewer: string;
  at: string;
}

/** 复核意见: one per form (migration 0008) */
export interface ReviewOpinionsTable {
  evaluation_id: number;
  text: string;
  reviewer: string;
  at: string;
}

export interface ImportCommitsTable {
  /** the preview token (or any caller's key) of a committed import */
  key: string;
  department_id: number;
  at: string;
  actor: string;
}

export interface DeletedEvaluationsTable {
  evaluation_id: number;
  department_id: number;
  at: string;
  actor: string;
}

export interface DeadlinesTable {
  year: number;
  /** 0: the deadline of every department */
  department_id: number;
  /** YYYY-MM-DD */
  due: string;
  set_by: string;
  at: string;
}

export interface Database {
  departments: DepartmentsTable;
  projects: ProjectsTable;
  source_files: SourceFilesTable;
  evaluations: EvaluationsTable;
  changes: ChangesTable;
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  sessions: SessionsTable;
  snapshots: SnapshotsTable;
  reviews: ReviewsTable;
  review_opinions: ReviewOpinionsTable;
  import_commits: ImportCommitsTable;
  deleted_evaluations: DeletedEvaluationsTable;
  deadlines: DeadlinesTable;
}
