/**
 * Batch work (issue 23): one workflow action — 提交, 审核通过, 复核完成 or 退回 with one comment for all — on
 * many forms. Each form goes through `FormUseCases.act` on its own, so every rule of the workflow holds
 * for each (role, status, version, what blocks a submission); a form refused is reported with its reason
 * and does not stop the others.
 */
import type { EvaluationStatus, WorkflowAction } from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import type { FormUseCases } from './forms.ts';

/** More than this in one request is refused: a batch is a page of a list, not a province. */
export const BATCH_LIMIT = 500;

export type BatchOutcome =
  | { id: number; ok: true; project: string; status: EvaluationStatus; version: number }
  | { id: number; ok: false; code: string; message: string; details: Record<string, unknown> };

export class BatchUseCases {
  constructor(private readonly forms: FormUseCases) {}

  async act(actor: Actor, action: WorkflowAction, items: ReadonlyArray<{ id: number; version: number }>, comment?: string): Promise<BatchOutcome[]> {
    if (items.length === 0) throw new AppError('FORM.BAD_INPUT', '请至少选择一张表');
    if (items.length > BATCH_LIMIT) throw new AppError('FORM.BAD_INPUT', `一次最多处理 ${BATCH_LIMIT} 张表，请分批进行`);
    // asked once for all, rather than refused once per form
    if (action === 'return' && !comment?.trim()) throw new AppError('WORKFLOW.COMMENT_REQUIRED', '退回时须写明退回意见');
    const seen = new Set<number>();
    const out: BatchOutcome[] = [];
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      try {
        const v = await this.forms.act(actor, item.id, action, item.version, comment);
        out.push({ id: item.id, ok: true, project: v.project, status: v.status, version: v.version });
      } catch (e) {
        out.push(refusal(item.id, e));
      }
    }
    return out;
  }
}

/** A form's refusal as the list shows it; an error without a code (a fault) is reported, not passed over. */
function refusal(id: number, e: unknown): BatchOutcome {
  const err = e as Error & { code?: unknown; details?: unknown; current?: { version: number; status: string } };
  if (typeof err.code === 'string' && /^[A-Z]+\.[A-Z_]+$/.test(err.code)) {
    // a version conflict carries the whole current form: only its version and status are of use here
    const details = err.current ? { version: err.current.version, status: err.current.status } : ((err.details as Record<string, unknown> | undefined) ?? {});
    return { id, ok: false, code: err.code, message: err.message, details };
  }
  return { id, ok: false, code: 'BATCH.FAILED', message: '处理这张表时服务器出错，未作改动，请稍后重试', details: {} };
}
