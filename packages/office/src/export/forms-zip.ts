/**
 * A department's forms (or a selection) as one .zip of .docx, .xlsx or .pdf, named as units name
 * them — `序号_项目名称_自评表.docx` — for the batch download in the browser and `jixiao export --zip`.
 * Every form prints the same score source (computed by default); a form that is a draft or still has
 * errors carries the 草稿（未审核） mark on its pages. PDFs go through the converter's queue all at
 * once, so its batching runs them in as few LibreOffice runs as it can.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Evaluation, Scheme } from '@jixiao/core';
import {
  checkFormat,
  departmentDocument,
  fileName,
  renderDocument,
  type DepartmentData,
  type DepartmentDocumentOptions,
  type DocumentFormat,
  type DocumentKind,
} from './department-documents.ts';
import type { OfficialDocument } from './document-model.ts';
import { formDocument, type FormDocument } from './form-layouts.ts';
import type { ScorePolicy } from './form-context.ts';
import type { PdfConverter } from './pdf.ts';
import type { PrintedReview } from './review-rows.ts';

export interface ZipForm {
  evaluation: Evaluation;
  /** 序号 in the department's 汇总表, from 1 */
  seq: number;
  scheme?: Scheme;
  /** 草稿（未审核） for a draft or a form with errors (core: documentStatus) */
  mark?: string | null;
  /** the finance review, printed under the form's table */
  review?: PrintedReview;
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
  const name =
    project
      .replace(/[\\/:*?"<>|\r\n\t]/g, '')
      .trim()
      .slice(0, 60) || '项目';
  return `${seq}_${name}_自评表.${format}`;
}

function formEntries(
  forms: readonly ZipForm[],
  opts: FormsZipOptions,
  under = '',
): Array<{ doc: FormDocument; file: string; kind: DocumentKind; format: DocumentFormat }> {
  const used = new Set<string>();
  return forms.map((f) => {
    const doc = formDocument(f.evaluation, { ...(f.scheme && { scheme: f.scheme }), scores: opts.scores ?? 'computed', ...(f.review && { review: f.review }) });
    let file = zipEntryName(f.seq, f.evaluation.project.name.raw, opts.format);
    for (let k = 2; used.has(file); k++) file = zipEntryName(f.seq, `${f.evaluation.project.name.raw}（${k}）`, opts.format);
    used.add(file);
    return { doc: f.mark ? { ...doc, mark: f.mark } : doc, file: `${under}${file}`, kind: 'form' as const, format: opts.format };
  });
}

/** Renders the documents side by side (PDFs through the converter's queue, all queued at once) and zips them. */
async function zipDocuments(
  entries: ReadonlyArray<{ doc: OfficialDocument; file: string; kind: DocumentKind; format: DocumentFormat }>,
  opts: FormsZipOptions,
): Promise<Uint8Array> {
  let done = 0;
  const rendered = await Promise.all(
    entries.map(async ({ doc, file, kind, format }) => {
      const bytes = await renderDocument(doc, format, kind, opts.pdf);
      opts.onProgress?.(++done, entries.length, file);
      return bytes;
    }),
  );
  const zippable: Zippable = {};
  // docx, xlsx and pdf are compressed already: stored, not deflated again
  entries.forEach(({ file }, i) => (zippable[file] = [rendered[i]!, { level: 0 }]));
  return zipSync(zippable);
}

export async function formsZip(forms: readonly ZipForm[], opts: FormsZipOptions): Promise<FormsZip> {
  const entries = formEntries(forms, opts);
  return { bytes: await zipDocuments(entries, opts), files: entries.map((e) => e.file), documents: entries.map((e) => e.doc) };
}

/**
 * A department's complete set in one download: the 汇总表, the 整体绩效自评工作报告, the
 * 决算公开绩效情况说明 and every form (under 自评表/), all with the same score source. Reports have no
 * workbook: with `xlsx` they come as .docx.
 */
export async function departmentSet(data: DepartmentData, forms: readonly ZipForm[], opts: FormsZipOptions & DepartmentDocumentOptions): Promise<FormsZip> {
  const kinds = ['summary', 'report', 'disclosure'] as const;
  const docOpts = { ...opts, scores: opts.scores ?? 'computed' };
  const department = kinds.map((kind) => {
    const format: DocumentFormat = opts.format === 'xlsx' && kind !== 'summary' ? 'docx' : opts.format;
    checkFormat(kind, format);
    const doc = departmentDocument(kind, data, docOpts);
    return { doc, file: fileName(doc.name, format), kind, format };
  });
  const formFiles = formEntries(forms, opts, '自评表/');
  const entries = [...department, ...formFiles];
  return { bytes: await zipDocuments(entries, opts), files: entries.map((e) => e.file), documents: formFiles.map((e) => e.doc) };
}
