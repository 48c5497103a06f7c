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
  type ReviewOpinion,
  type ReviewScore,
  type Role,
  type StoredEvaluation,
} from '@jixiao/core';

export function brief(s: StoredEvaluation) {
  const kind = getFormKind(s.kind);
  return {
    id: s.id,
    kind: s.kind,
    departmentId: s.departmentId,
    projectId: s.projectId,
    project: s.evaluation.project.name.raw,
    year: s.year,
    schemeId: s.schemeId,
    status: s.status,
    /** the status as this kind names it (a goal form's last step reads 财政已批复) */
    statusLabel: kind.statusLabels[s.status],
    version: s.version,
    /** recomputed total, 分 (null for a kind that is not scored: the goal form) */
    total: kind.scored ? format(BigInt(s.totalHundredths), 2) : null,
    grade: kind.scored ? s.grade : null,
    claimedTotal: kind.claimedTotal(s.evaluation),
    updatedAt: s.updatedAt,
  };
}

export interface PreviousYear {
  /** the form of the year before whose actuals are this form's history (a 自评表: for goals too) */
  evaluationId: number;
  /** its kind */
  kind: string;
  year: number;
  /** last year's 实际完成值 by indicator id: shown beside this year's targets */
  actuals: Record<string, string>;
}

export function formView(
  s: StoredEvaluation,
  check: FormCheck,
  role: Role,
  extra: {
    reviews: Array<ReviewScore & { reviewerName?: string }>;
    reviewOpinion: (ReviewOpinion & { reviewerName?: string }) | null;
    lastStatusChange: (Change & { actorName?: string }) | null;
    previousYear: PreviousYear | null;
  },
) {
  const kind = getFormKind(s.kind);
  const edit = canEditContent(s.status, role);
  // an approved (frozen) form takes adjustments only — 调整后指标值 with a reason — from whoever edited it
  const adjust = kind.frozen !== undefined && kind.frozen.status === s.status && (role === 'filler' || role === 'admin');
  return {
    ...brief(s),
    evaluation: s.evaluation,
    score: check.score,
    findings: check.findings,
    reviews: extra.reviews,
    reviewedTotal: reviewedTotal(s.evaluation, check.score, extra.reviews),
    /** the finance reviewer's 复核意见 of the whole form */
    reviewOpinion: extra.reviewOpinion,
    permissions: {
      edit,
      adjust,
      /** 复核得分 are for a scored kind */
      review: check.score !== null && canReview(s.status, role),
      /** a draft may be deleted (and its year changed) by whoever may edit it */
      delete: edit,
      actions: availableActions(s.status, role, kind.workflow),
    },
    /** the kind's names of the actions offered, for the buttons */
    actionLabels: kind.actionLabels,
    lastStatusChange: extra.lastStatusChange,
    previousYear: extra.previousYear,
  };
}

export type FormView = ReturnType<typeof formView>;
