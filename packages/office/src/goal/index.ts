export * from './goal-layout.ts';
export * from './recognize-goal.ts';
export * from './import-goal.ts';
export * from './render-goal.ts';
