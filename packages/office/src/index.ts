export * from './grid.ts';
export * from './text-grid.ts';
export * from './recognize/document.ts';
export type { ImportNote } from './recognize/form.ts';
export * from './import-text.ts';
export * from './errors.ts';
export * from './docx-grid.ts';
export * from './xlsx-grid.ts';
export * from './import-file.ts';
