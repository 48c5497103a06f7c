/**
 * A department's forms (or a selection) as one .zip of .docx, .xlsx or .pdf, named as units name
 * them — `序号_项目名称_自评表.docx` — for the batch download in the browser and `jixiao export --zip`.
 * Every form prints the same score source (computed by default); a form that is a draft or still has
 * errors carries the 草稿（未审核） mark on its pages. PDFs go through the converter's queue all at
 * once, so its batching runs them in as few LibreOffice runs as it can.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Evaluation, Scheme } from '@jixiao/core';
import { renderDocument, type DocumentFormat } from './department-documents.ts';
import { formDocument, type FormDocument } from './form-layouts.ts';
import type { ScorePolicy } from './form-context.ts';
import type { PdfConverter } from './pdf.ts';

export interface ZipForm {
  evaluation: Evaluation;
  /** 序号 in the department's 汇总表, from 1 */
  seq: number;
  scheme?: Scheme;
  /** 草稿（未审核） for a draft or a form with errors (core: documentStatus) */
  mark?: string | null;
}

export interface FormsZipOptions {
  format: DocumentFormat;
  scores?: ScorePolicy;
  pdf?: PdfConverter;
  /** called as each file is done, in the order they finish */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface FormsZip {
  bytes: Uint8Array;
  /** the files in the archive, in 序号 order */
  files: string[];
  /** per form, the claimed figures the computed ones replaced (or, for `claimed`, that differ) */
  documents: FormDocument[];
}

/** `序号_项目名称_自评表.ext`, without characters a file system refuses. */
export function zipEntryName(seq: number, project: string, format: DocumentFormat): string {
  const name = project.replace(/[\\/:*?"<>|\r\n\t]/g, '').trim().slice(0, 60) || '项目';
  return `${seq}_${name}_自评表.${format}`;
}

export async function formsZip(forms: readonly ZipForm[], opts: FormsZipOptions): Promise<FormsZip> {
  const used = new Set<string>();
  const entries = forms.map((f) => {
    const doc = formDocument(f.evaluation, { ...(f.scheme && { scheme: f.scheme }), scores: opts.scores ?? 'computed' });
    let file = zipEntryName(f.seq, f.evaluation.project.name.raw, opts.format);
    for (let k = 2; used.has(file); k++) file = zipEntryName(f.seq, `${f.evaluation.project.name.raw}（${k}）`, opts.format);
    used.add(file);
    return { doc: f.mark ? { ...doc, mark: f.mark } : doc, file };
  });
  let done = 0;
  const rendered = await Promise.all(
    entries.map(async ({ doc, file }) => {
      const bytes = await renderDocument(doc, opts.format, 'form', opts.pdf);
      opts.onProgress?.(++done, entries.length, file);
      return bytes;
    }),
  );
  const zippable: Zippable = {};
  // docx, xlsx and pdf are compressed already: stored, not deflated again
  entries.forEach(({ file }, i) => (zippable[file] = [rendered[i]!, { level: 0 }]));
  return { bytes: zipSync(zippable), files: entries.map((e) => e.file), documents: entries.map((e) => e.doc as FormDocument) };
}
