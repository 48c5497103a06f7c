/**
 * A stored form as its official document, by its kind: the 自评表 in its layout (with the score source
 * chosen), the 绩效目标申报表 in the national layout. One table keyed by the kind's id (core's registry
 * names the kinds; the layouts live here, in the office package).
 */
import type { Evaluation, FormDocument as StoredDocument, GoalForm } from '@jixiao/core';
import { goalDocument } from '../goal/goal-layout.ts';
import type { OfficialDocument } from './document-model.ts';
import type { FormExportOptions } from './form-context.ts';
import { formDocument } from './form-layouts.ts';

const KIND_DOCUMENTS: Record<string, (doc: StoredDocument, opts: FormExportOptions) => OfficialDocument> = {
  'self-evaluation': (doc, opts) => formDocument(doc as Evaluation, opts),
  // a goal form is not scored: no score source to choose
  goal: (doc) => goalDocument(doc as GoalForm),
};

export function storedFormDocument(kind: string, doc: StoredDocument, opts: FormExportOptions = {}): OfficialDocument {
  const make = KIND_DOCUMENTS[kind];
  if (!make) throw new Error(`no document layout for the form kind ${kind}`);
  return make(doc, opts);
}
