/**
 * A form on its way into the store: checked by its kind once — ids given, scored (where the kind is),
 * its rules run — and the figures for lists taken from that same check. The caller shows the same check
 * it stored, so a save parses (at the API edge) and checks a form exactly once.
 */
import {
  duplicateIndicatorIds,
  getFormKind,
  getScheme,
  kindOfDocument,
  selfEvaluationKind,
  withIndicatorIds,
  type Evaluation,
  type FormCheck,
  type FormDocument,
  type FormHistory,
  type FormKind,
  type PreparedForm,
} from '@jixiao/core';
import { AppError } from './app-error.ts';

export interface Checked {
  prepared: PreparedForm;
  check: FormCheck;
}

/** The form with an id on every indicator, refused when two indicators share one. */
function identified<F extends FormDocument>(evaluation: F): F {
  const twice = duplicateIndicatorIds(evaluation);
  if (twice.length) throw new AppError('FORM.DUPLICATE_INDICATOR_ID', `同一张表中指标编号重复：${twice.join('、')}（每个指标的编号应唯一）`, { ids: twice });
  return withIndicatorIds(evaluation);
}

/** The kind, given a document of that kind: a 自评表 sent where goals are expected (or the reverse) is refused. */
function kindFor(kindId: string, evaluation: FormDocument): FormKind {
  const kind = getFormKind(kindId);
  if (kind.isOwn(evaluation)) return kind;
  const other = kindOfDocument(evaluation);
  throw new AppError('FORM.WRONG_KIND', `提交的内容是${other ? `“${other.title}”` : '另一种表'}，不是“${kind.title}”`, {
    expected: kind.id,
    ...(other && { given: other.id }),
  });
}

export function prepareForm(kindId: string, evaluation: FormDocument, history?: FormHistory): Checked {
  const kind = kindFor(kindId, evaluation);
  const ev = identified(evaluation);
  const check = kind.check(ev, getScheme(ev.schemeId), history);
  return { prepared: { kind: kind.id, evaluation: ev, figures: kind.figures(ev, check.score) }, check };
}

/**
 * A form for the store alone, scored but not audited: for paths that store many forms at once and show
 * none of them (an import's commit, next year's forms of a department) — the audit is run when a form
 * is read. Ids given and checked as in `prepareForm`.
 */
export function preparedForStorage(kindId: string, evaluation: FormDocument): PreparedForm {
  const kind = kindFor(kindId, evaluation);
  const ev = identified(evaluation);
  return { kind: kind.id, evaluation: ev, figures: kind.figures(ev, kind.score(ev, getScheme(ev.schemeId))) };
}

/** Self-evaluations read from files or made by the synthetic generator, ready for `Store.importEvaluations`. */
export function preparedSelfEvaluations(evaluations: readonly Evaluation[]): PreparedForm[] {
  return evaluations.map((ev) => preparedForStorage(selfEvaluationKind.id, ev));
}
