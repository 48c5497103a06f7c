/** A stored form as the API and the web UI show it: its figures, check, reviews and what the reader may do. */
import {
  availableActions,
  canEditContent,
  canReview,
  format,
  getFormKind,
  reviewedTotal,
  type Change,
  type FormCheck,
  type ReviewScore,
  type Role,
  type StoredEvaluation,
} from '@jixiao/core';

export function brief(s: StoredEvaluation) {
  return {
    id: s.id,
    kind: s.kind,
    departmentId: s.departmentId,
    projectId: s.projectId,
    project: s.evaluation.project.name.raw,
    year: s.year,
    schemeId: s.schemeId,
    status: s.status,
    version: s.version,
    /** recomputed total, 分 */
    total: format(BigInt(s.totalHundredths), 2),
    grade: s.grade,
    claimedTotal: s.evaluation.claimed.total?.value ?? null,
    updatedAt: s.updatedAt,
  };
}

export interface PreviousYear {
  /** the form of the year before, for the same project and kind */
  evaluationId: number;
  year: number;
  /** last year's 实际完成值 by indicator id: shown beside this year's targets */
  actuals: Record<string, string>;
}

export function formView(
  s: StoredEvaluation,
  check: FormCheck,
  role: Role,
  extra: { reviews: ReviewScore[]; lastStatusChange: (Change & { actorName?: string }) | null; previousYear: PreviousYear | null },
) {
  const kind = getFormKind(s.kind);
  const edit = canEditContent(s.status, role);
  return {
    ...brief(s),
    evaluation: s.evaluation,
    score: check.score,
    findings: check.findings,
    reviews: extra.reviews,
    reviewedTotal: reviewedTotal(s.evaluation, check.score, extra.reviews),
    permissions: {
      edit,
      review: canReview(s.status, role),
      /** a draft may be deleted (and its year changed) by whoever may edit it */
      delete: edit,
      actions: availableActions(s.status, role, kind.workflow),
    },
    lastStatusChange: extra.lastStatusChange,
    previousYear: extra.previousYear,
  };
}

export type FormView = ReturnType<typeof formView>;
