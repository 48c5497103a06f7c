/**
 * Storing forms read from files (the import preview's commit, `jixiao import --db`, the demo data):
 * each form checked by its kind once, then stored with its source file, all or nothing per file.
 */
import { selfEvaluationKind, type Evaluation, type SourceFile, type Store, type StoredEvaluation } from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import { preparedForStorage } from './prepare-form.ts';

export interface ImportedFile {
  source: SourceFile;
  /** the self-evaluations read from it (the importer recognises that kind today) */
  evaluations: readonly Evaluation[];
}

export async function storeImported(store: Store, actor: Actor, departmentId: number, file: ImportedFile): Promise<StoredEvaluation[]> {
  if (actor.role !== 'filler' && actor.role !== 'admin') throw new AppError('AUTH.FORBIDDEN', `当前账号（${actor.displayName}）不能导入，导入由填报人进行`);
  if (!actor.sees(departmentId)) throw new AppError('STORE.NOT_FOUND', `部门 ${departmentId} 不存在`);
  const forms = file.evaluations.map((ev) => preparedForStorage(selfEvaluationKind.id, ev));
  return store.importEvaluations({ departmentId, forms, source: file.source, actor: actor.username });
}
