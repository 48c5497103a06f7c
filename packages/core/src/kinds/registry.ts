/**
 * The kinds of form a project-year can have, each one entry: its schema, how it is checked (scoring and
 * rules), the figures kept for lists, how a blank one and next year's one are made, the titles the
 * importer knows it by, its export layouts and its workflow. Code that handles forms asks the kind;
 * adding a kind is adding an entry here and its files, never an `if (kind === …)` elsewhere.
 */
import type { FormKind } from './form-kind.ts';
import { selfEvaluationKind } from './self-evaluation.ts';

export type * from './form-kind.ts';

export class UnknownFormKind extends Error {
  readonly code = 'FORM.UNKNOWN_KIND';
  constructor(readonly kind: string) {
    super(`没有“${kind}”这种表：可用的有${FORM_KINDS.map((k) => `“${k.title}”（${k.id}）`).join('、')}`);
  }
}

export const FORM_KINDS: readonly FormKind[] = [selfEvaluationKind];

export function getFormKind(id: string): FormKind {
  const kind = FORM_KINDS.find((k) => k.id === id);
  if (!kind) throw new UnknownFormKind(id);
  return kind;
}

export const FORM_KIND_IDS = FORM_KINDS.map((k) => k.id);
