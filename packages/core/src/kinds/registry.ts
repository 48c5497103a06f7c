/**
 * The kinds of form a project-year can have, each one entry: its schema, how it is checked (scoring and
 * rules), the figures kept for lists, how a blank one and next year's one are made, the titles the
 * importer knows it by, its export layouts and its workflow. Code that handles forms asks the kind;
 * adding a kind is adding an entry here and its files, never an `if (kind === …)` elsewhere.
 */
import type { FormDocument, FormKind } from './form-kind.ts';
import { goalKind } from './goal-kind.ts';
import { selfEvaluationKind } from './self-evaluation.ts';

export type * from './form-kind.ts';

export class UnknownFormKind extends Error {
  readonly code = 'FORM.UNKNOWN_KIND';
  constructor(readonly kind: string) {
    super(`没有“${kind}”这种表：可用的有${FORM_KINDS.map((k) => `“${k.title}”（${k.id}）`).join('、')}`);
  }
}

// Each kind handles its own document type; the store gives each form to its own kind (by `evaluations.kind`),
// and the API parses a body with the kind's schema, so a kind never sees another kind's document.
export const FORM_KINDS: readonly FormKind[] = [selfEvaluationKind as FormKind, goalKind as FormKind];

export function getFormKind(id: string): FormKind {
  const kind = FORM_KINDS.find((k) => k.id === id);
  if (!kind) throw new UnknownFormKind(id);
  return kind;
}

export const FORM_KIND_IDS = FORM_KINDS.map((k) => k.id);

/** The kind whose import titles name this title (`项目支出绩效目标申报表` → goal), or undefined. */
export function formKindOfTitle(title: string): FormKind | undefined {
  const t = title.replace(/\s+/g, '');
  // the longest title first: 项目支出绩效目标申报表 contains no 自评表 title, but a kind's short title may be part of another's
  return [...FORM_KINDS]
    .flatMap((k) => k.importTitles.map((title) => [title, k] as const))
    .sort((a, b) => b[0].length - a[0].length)
    .find(([title]) => t.includes(title))?.[1];
}

/** The kind a document is of (each kind knows its own documents), or undefined for none of them. */
export function kindOfDocument(form: FormDocument): FormKind | undefined {
  return FORM_KINDS.find((k) => k.isOwn(form));
}

/** A document of this kind, or null. */
export function documentOf<F extends FormDocument>(kind: FormKind<F>, s: { kind: string; evaluation: FormDocument }): F | null {
  return s.kind === kind.id ? (s.evaluation as F) : null;
}
