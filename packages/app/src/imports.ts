/**
 * Storing forms read from files (the import preview's commit, `jixiao import --db`, the demo data):
 * each form scored by its kind for its figures, then every file stored in ONE transaction with its
 * source — all or nothing, a failure naming its file — and, with a commit key, at most once (issue 24).
 */
import { kindOfDocument, selfEvaluationKind, type FormDocument, type SourceFile, type Store, type StoredEvaluation } from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import { preparedForStorage } from './prepare-form.ts';

export interface ImportedFile {
  source: SourceFile;
  /** the forms read from it: self-evaluations, or goal forms (each stored as the kind its document is) */
  evaluations: readonly FormDocument[];
}

/** Where a commit goes: an existing department, or a new one by code (an administrator's). */
export type ImportTarget = { id: number } | { code: string; name: string };

export async function commitImportedFiles(
  store: Store,
  actor: Actor,
  department: ImportTarget,
  files: readonly ImportedFile[],
  commitKey?: string,
): Promise<{ departmentId: number; evaluations: StoredEvaluation[] }> {
  if (actor.role !== 'filler' && actor.role !== 'admin') throw new AppError('AUTH.FORBIDDEN', `当前账号（${actor.displayName}）不能导入，导入由填报人进行`);
  if ('id' in department ? !actor.sees(department.id) : actor.role !== 'admin')
    throw 'id' in department
      ? new AppError('STORE.NOT_FOUND', `部门 ${department.id} 不存在`)
      : new AppError('AUTH.FORBIDDEN', `当前账号（${actor.displayName}）不能新建部门`);
  const prepared = files.map((f) => {
    try {
      return { source: f.source, forms: f.evaluations.map((ev) => preparedForStorage((kindOfDocument(ev) ?? selfEvaluationKind).id, ev)) };
    } catch (e) {
      // a form that cannot be stored names its file, as the store's own refusals do
      if (e instanceof AppError) throw new AppError(e.code, `文件“${f.source.name}”：${e.message}`, { ...e.details, file: f.source.name });
      throw e;
    }
  });
  return store.importFiles({ department, files: prepared, actor: actor.username, ...(commitKey !== undefined && { commitKey }) });
}

/** One file's forms into a department (the CLI and the demo data). */
export async function storeImported(store: Store, actor: Actor, departmentId: number, file: ImportedFile): Promise<StoredEvaluation[]> {
  return (await commitImportedFiles(store, actor, { id: departmentId }, [file])).evaluations;
}
