export * from './connect.ts';
export * from './kysely-store.ts';
export * from './diff.ts';
export { migrationProvider, type Dialect } from './migrations.ts';
export * from './account-store.ts';
