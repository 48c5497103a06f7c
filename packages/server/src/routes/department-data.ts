/**
 * A department's stored forms and what is computed from them — scores, findings, the 汇总表 — in one
 * place, so the summary on screen and the documents downloaded are the same computation.
 */
import { auditForms, getScheme, NotFound, reviewedTotal, summarizeDepartment, type Department, type EvaluationScore, type Store, type StoredEvaluation } from '@jixiao/core';

export async function departmentForms(store: Store, id: number, year?: number): Promise<{ d: Department; stored: StoredEvaluation[] }> {
  const d = await store.getDepartment(id);
  if (!d) throw new NotFound(`部门 ${id} 不存在`);
  const stored = await store.listEvaluations({ departmentId: id, ...(year !== undefined && { year }) });
  return { d, stored };
}

export function computeDepartment(stored: readonly StoredEvaluation[]) {
  const forms = stored.map((s) => s.evaluation);
  const { scores, findings } = auditForms(forms);
  const summary = summarizeDepartment(forms, scores, getScheme(forms[0]?.schemeId ?? 'national'));
  return { forms, scores, findings, summary };
}

/** The 复核得分 total of each form (null where the finance review scored nothing), beside its self-score. */
export async function reviewedTotals(store: Store, stored: readonly StoredEvaluation[], scores: readonly EvaluationScore[]): Promise<Array<string | null>> {
  const reviews = await store.reviewsOf(stored.map((s) => s.id));
  return stored.map((s, i) => reviewedTotal(scores[i]!, reviews.get(s.id) ?? []));
}
