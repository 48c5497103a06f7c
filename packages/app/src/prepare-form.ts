/**
 * A form on its way into the store: checked by its kind once — ids given, scored, audited — and the
 * figures for lists taken from that same check. The caller shows the same check it stored, so a save
 * parses (at the API edge) and scores a form exactly once.
 */
import { duplicateIndicatorIds, getFormKind, getScheme, selfEvaluationKind, withIndicatorIds, type Evaluation, type FormCheck, type PreparedForm } from '@jixiao/core';
import { AppError } from './app-error.ts';

export interface Checked {
  prepared: PreparedForm;
  check: FormCheck;
}

export function prepareForm(kindId: string, evaluation: Evaluation): Checked {
  const kind = getFormKind(kindId);
  const twice = duplicateIndicatorIds(evaluation);
  if (twice.length) throw new AppError('FORM.DUPLICATE_INDICATOR_ID', `同一张表中指标编号重复：${twice.join('、')}（每个指标的编号应唯一）`, { ids: twice });
  const ev = withIndicatorIds(evaluation);
  const check = kind.check(ev, getScheme(ev.schemeId));
  return { prepared: { kind: kind.id, evaluation: ev, figures: kind.figures(ev, check) }, check };
}

/** Self-evaluations read from files or made by the synthetic generator, ready for `Store.importEvaluations`. */
export function preparedSelfEvaluations(evaluations: readonly Evaluation[]): PreparedForm[] {
  return evaluations.map((ev) => prepareForm(selfEvaluationKind.id, ev).prepared);
}
