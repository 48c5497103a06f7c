/** The 绩效目标申报表 form kind: its model, its linter and the way goals are derived from a 自评表. */
export * from './goal-form.ts';
export * from './lint-goals.ts';
export { GOAL_SEVERITY } from './severity.ts';
export * from './from-evaluation.ts';
export * from './indicator-id.ts';
export * from './approved-edit.ts';
