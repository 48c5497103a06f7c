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
  /** the whole Evaluation as JSON: lossless, the source of truth; the tables below are derived from it */
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

export interface BudgetLinesTable {
  evaluation_id: number;
  seq: number;
  kind: string;
  label: string;
  initial_fen: number | null;
  adjusted_fen: number | null;
  received_fen: number | null;
  executed_fen: number | null;
}

export interface GoalsTable {
  evaluation_id: number;
  expected: string | null;
  achieved: string | null;
}

export interface IndicatorsTable {
  evaluation_id: number;
  seq: number;
  level1: string;
  level2: string;
  name: string;
  points_hundredths: number | null;
  target: string;
  target_adjusted: string | null;
  actual: string;
  claimed_hundredths: number | null;
  computed_hundredths: number | null;
  deviation: string | null;
}

export interface NarrativesTable {
  evaluation_id: number;
  seq: number;
  kind: string;
  text: string;
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
  seq: number;
  /** 分 × 100 */
  score_hundredths: number;
  reason: string;
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

export interface Database {
  departments: DepartmentsTable;
  projects: ProjectsTable;
  source_files: SourceFilesTable;
  evaluations: EvaluationsTable;
  budget_lines: BudgetLinesTable;
  goals: GoalsTable;
  indicators: IndicatorsTable;
  narratives: NarrativesTable;
  changes: ChangesTable;
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  sessions: SessionsTable;
  snapshots: SnapshotsTable;
  reviews: ReviewsTable;
  import_commits: ImportCommitsTable;
  deleted_evaluations: DeletedEvaluationsTable;
}
