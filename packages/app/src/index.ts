export * from './actor.ts';
export * from './app-error.ts';
export * from './prepare-form.ts';
export * from './form-view.ts';
export * from './forms.ts';
export * from './department-audits.ts';
export * from './departments.ts';
export * from './imports.ts';
