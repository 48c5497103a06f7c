/**
 * An uploaded file recognised as the kind of form it is (issue 20): the kind chosen by the person when
 * they chose one, else the kind whose import title (`FormKind.importTitles`) the file's first title line
 * names — a 项目支出绩效目标申报表 is read by the goal recognizer, anything else by the self-evaluation's
 * (which also reads 汇总表 and report texts). A 自评表 uploaded as goals is refused with
 * `IMPORT.NOT_A_GOAL_FORM`, as `jixiao import --kind goal` refuses it.
 */
import { formKindOfTitle, squash, type GoalForm } from '@jixiao/core';
import { lineOf, type GridDocument } from './grid.ts';
import { readGoalForms } from './goal/recognize-goal.ts';
import { recognizeDocument, type Recognized } from './recognize/document.ts';

/** What an upload holds: the self-evaluation recognizer's result, and the goal forms read instead when the file is one. */
export interface RecognizedUpload extends Recognized {
  goals: GoalForm[];
}

/** The kinds a file can be uploaded as (the kinds office has a recognizer for). */
export const UPLOAD_KINDS = ['self-evaluation', 'goal'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** Title lines are near the top: a title further down than this is a form's content, not what the file is. */
const TITLE_LINES = 12;

/** The kind the file's first title line names, or undefined when none does. */
export function kindByTitle(doc: GridDocument): UploadKind | undefined {
  let lines = 0;
  for (const b of doc.blocks) {
    const line = lineOf(b);
    if (!line) continue;
    const kind = formKindOfTitle(squash(line.text));
    if (kind && (UPLOAD_KINDS as readonly string[]).includes(kind.id)) return kind.id as UploadKind;
    if (++lines >= TITLE_LINES) return undefined;
  }
  return undefined;
}

export function recognizeUpload(doc: GridDocument, kind?: UploadKind): RecognizedUpload {
  const as = kind ?? kindByTitle(doc) ?? 'self-evaluation';
  if (as === 'goal') {
    const read = readGoalForms(doc);
    const goals = read.map(({ form }) => ({ ...form, source: { file: doc.file, index: form.source?.index ?? 0 } }));
    // a report's index is its form's place in the preview: the file's 自评表 first (none here), then its goal forms
    return { file: doc.file, evaluations: [], summaries: [], texts: [], notes: [], reports: read.map(({ report }) => report), goals };
  }
  return { ...recognizeDocument(doc), goals: [] };
}
