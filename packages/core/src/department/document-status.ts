/**
 * Whether a document may pass for a final one. A document made from forms that are still drafts
 * (not yet approved by the unit, workflow: 草稿/已提交) or that still have error findings (A1–A12,
 * severity error) carries a 草稿（未审核） mark on every page, and the documents page says why before
 * the download; final documents come from approved forms without errors.
 */
import type { Finding } from '../audit/finding.ts';
import type { EvaluationStatus } from '../ports/store.ts';

/** The mark printed at the top of every page of a document that is not final. */
export const DRAFT_MARK = '草稿（未审核）';

const APPROVED: ReadonlySet<EvaluationStatus> = new Set(['unit-approved', 'finance-reviewed']);

export interface DocumentStatus {
  /** forms (indices) not yet approved by the unit */
  drafts: number[];
  /** forms (indices) with error findings */
  withErrors: number[];
  /** the mark for every page, or null for a final document */
  mark: string | null;
  /** why, in Chinese, or null */
  warning: string | null;
}

/**
 * The status of a document made from the forms `included` (indices). `statuses` is the workflow
 * status per form where known (a form read from a file has none: only its findings count).
 */
export function documentStatus(
  included: readonly number[],
  findings: readonly Finding[],
  statuses?: ReadonlyArray<EvaluationStatus | null | undefined>,
): DocumentStatus {
  const errorForms = new Set(findings.filter((f) => f.severity === 'error' && f.location.form).map((f) => f.location.form!.index));
  const drafts = statuses
    ? included.filter((i) => {
        const st = statuses[i];
        return st !== null && st !== undefined && !APPROVED.has(st);
      })
    : [];
  const withErrors = included.filter((i) => errorForms.has(i));
  const reasons = [drafts.length ? `${drafts.length}张自评表尚未通过单位审核` : '', withErrors.length ? `${withErrors.length}张自评表仍有错误` : ''].filter(
    (t) => t !== '',
  );
  return {
    drafts,
    withErrors,
    mark: reasons.length ? DRAFT_MARK : null,
    warning: reasons.length ? `${reasons.join('，')}，生成的文档每页标注“${DRAFT_MARK}”，不能作为正式文档报送。` : null,
  };
}
