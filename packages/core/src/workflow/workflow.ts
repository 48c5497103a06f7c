/**
 * The review workflow of a form: 草稿 → 已提交 → 单位已审核 → 财政已复核, with 退回 at each step back to
 * 草稿. Who may do what, and what blocks a submission, in one pure table shared by the server (which
 * enforces it) and the web UI (which shows only the buttons that will work).
 */
import type { Finding } from '../audit/finding.ts';
import type { EvaluationStatus } from '../ports/store.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { add, sub } from '../values/exact.ts';
import { indicatorRows, type WithIndicators } from '../model/indicator-ids.ts';

export type Role = 'admin' | 'filler' | 'unit-reviewer' | 'finance';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', filler: '填报人', 'unit-reviewer': '单位审核', finance: '财政审核' };
export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  'unit-approved': '单位已审核',
  'finance-reviewed': '财政已复核',
};

export type WorkflowAction = 'submit' | 'approve' | 'finalize' | 'return';

export const ACTION_LABELS: Record<WorkflowAction, string> = { submit: '提交', approve: '单位审核通过', finalize: '财政复核完成', return: '退回' };

interface Step {
  from: EvaluationStatus;
  to: EvaluationStatus;
  roles: readonly Role[];
  /** a frozen copy of the form is kept at this step (every step forward) */
  snapshot: boolean;
}

/** The self-evaluation's workflow (kinds/self-evaluation.ts registers it). */
export const SELF_EVALUATION_STEPS: Readonly<Record<WorkflowAction, readonly Step[]>> = {
  submit: [{ from: 'draft', to: 'submitted', roles: ['filler', 'admin'], snapshot: true }],
  approve: [{ from: 'submitted', to: 'unit-approved', roles: ['unit-reviewer', 'admin'], snapshot: true }],
  finalize: [{ from: 'unit-approved', to: 'finance-reviewed', roles: ['finance', 'admin'], snapshot: true }],
  // A return goes back to the 填报人: from 已提交 by the unit, from 单位已审核 (or after the review) by finance.
  return: [
    { from: 'submitted', to: 'draft', roles: ['unit-reviewer', 'admin'], snapshot: false },
    { from: 'unit-approved', to: 'draft', roles: ['finance', 'admin'], snapshot: false },
    { from: 'finance-reviewed', to: 'draft', roles: ['finance', 'admin'], snapshot: false },
  ],
};
const STEPS = SELF_EVALUATION_STEPS;

/**
 * The goal form's workflow: 填报 → 已提交 → 单位已审核 → 财政已批复 (kinds/goal-kind.ts). The steps are the
 * self-evaluation's; what differs is the last step's meaning — the finance bureau approves (批复) the goals
 * and the approved version is frozen — and so its names. An approved goal form is not returned: its targets
 * are what the year's 自评表 is measured against, and a change after approval is an adjustment (调整后指标值).
 */
export const GOAL_STEPS: Readonly<Record<WorkflowAction, readonly Step[]>> = {
  ...SELF_EVALUATION_STEPS,
  return: SELF_EVALUATION_STEPS.return.filter((s) => s.from !== 'finance-reviewed'),
};
export const GOAL_STATUS_LABELS: Record<EvaluationStatus, string> = { ...STATUS_LABELS, draft: '填报中', 'finance-reviewed': '财政已批复' };
export const GOAL_ACTION_LABELS: Record<WorkflowAction, string> = { ...ACTION_LABELS, finalize: '财政批复' };

/** The status an action leads to, or null when this role may not take it from this status. */
export function transition(action: WorkflowAction, from: EvaluationStatus, role: Role, steps = STEPS): EvaluationStatus | null {
  return workflowStep(action, from, role, steps)?.to ?? null;
}

/** The step an action takes from a status for a role, or null when it may not. */
export function workflowStep(action: WorkflowAction, from: EvaluationStatus, role: Role, steps = STEPS): Step | null {
  return steps[action].find((s) => s.from === from && s.roles.includes(role)) ?? null;
}

/** The actions this role can take on a form in this status (for the buttons). */
export function availableActions(status: EvaluationStatus, role: Role, steps = STEPS): WorkflowAction[] {
  return (Object.keys(steps) as WorkflowAction[]).filter((a) => transition(a, status, role, steps) !== null);
}

/** Whether this role may change the form's content in this status: only a draft, by its 填报人 (or an admin). */
export function canEditContent(status: EvaluationStatus, role: Role): boolean {
  return status === 'draft' && (role === 'filler' || role === 'admin');
}

/** Whether this role records 复核得分 in this status: finance, once the unit has approved. */
export function canReview(status: EvaluationStatus, role: Role): boolean {
  return status === 'unit-approved' && (role === 'finance' || role === 'admin');
}

/**
 * What stops a submission: every error finding, and every A6 finding (a missing 偏差原因 is a warning in
 * the audit, but a form is not handed in without it).
 */
export function submissionBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || f.rule === 'A6');
}

/**
 * The total after the finance review: the computed total with each reviewed indicator's score replaced
 * by its 复核得分, found by the indicator's id wherever its row now is. Exact; both totals are kept and
 * shown side by side. A review of an indicator no longer on the form counts for nothing.
 */
export function reviewedTotal(
  ev: WithIndicators,
  score: EvaluationScore | null,
  reviews: ReadonlyArray<{ indicatorId: string; score: string }>,
): string | null {
  // a kind without a score (the goal form) has no total to review
  if (reviews.length === 0 || score === null) return null;
  const rows = indicatorRows(ev);
  let total = score.total;
  for (const r of reviews) {
    const row = rows.get(r.indicatorId);
    const s = row === undefined ? undefined : score.indicators[row];
    if (!s) continue;
    total = sub(add([total, r.score]), s.score ?? '0');
  }
  return total;
}
