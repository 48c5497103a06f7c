/** The 绩效目标申报表 form kind: its model, its linter and the way goals are derived from a 自评表. */
export * from './goal-form.ts';
export * from './lint-goals.ts';
export { GOAL_SEVERITY } from './severity.ts';
export * from './from-evaluation.ts';
export * from './indicator-id.ts';
export * from './approved-edit.ts';
export * from './edit-goal.ts';

import { GoalForm } from './goal-form.ts';
import { lintGoalForm } from './lint-goals.ts';
import { GOAL_SEVERITY } from './severity.ts';

/**
 * The goal kind as one entry for the form-kind registry: its schema, its rules (no scoring: a goal form
 * is not scored) and their severities. Import and export live in the office package
 * (recognizeGoalForms, goalDocument), the approval freeze in approvedEditProblems.
 */
export const GOAL_KIND = {
  kind: 'goal',
  name: '项目支出绩效目标申报表',
  schema: GoalForm,
  lint: lintGoalForm,
  severities: GOAL_SEVERITY,
  rules: ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11'],
} as const;
