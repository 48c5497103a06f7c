/**
 * Which document, in which format: the one entry the CLI and the server call, so that a download and
 * `jixiao export` give the same bytes for the same data.
 */
import {
  departmentName,
  disclosureText,
  documentScores,
  documentStatus,
  getScheme,
  overallReport,
  summaryWithScores,
  type DepartmentSummary,
  type Evaluation,
  type EvaluationScore,
  type EvaluationStatus,
  type Finding,
  type Scheme,
} from '@jixiao/core';
import { ExportError } from '../errors.ts';
import type { OfficialDocument } from './document-model.ts';
import { formDocument } from './form-layouts.ts';
import type { ScorePolicy } from './form-context.ts';
import type { PdfConverter } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import { renderXlsx } from './render-xlsx.ts';
import { reportDocument } from './report-layout.ts';
import { summaryDocument } from './summary-layout.ts';

export const DOCUMENT_KINDS = ['form', 'summary', 'report', 'disclosure'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface DepartmentData {
  forms: readonly Evaluation[];
  scores: readonly EvaluationScore[];
  summary: DepartmentSummary;
  findings: readonly Finding[];
  department?: string;
  /** 复核得分 total per form (分), where the finance review scored some indicators */
  reviewed?: ReadonlyArray<string | null>;
  /** workflow status per form where stored; a document from drafts is marked 草稿（未审核） */
  statuses?: ReadonlyArray<EvaluationStatus | null | undefined>;
  /** the scheme of the summary (grades, places); default: the first form's */
  scheme?: Scheme;
}

export interface DepartmentDocumentOptions {
  /** disclosure: the projects given a 综述 and attached (indices into forms) */
  projects?: readonly number[];
  /** disclosure: 一般公共预算项目支出总额, 万元 */
  projectSpending?: string;
  /** the user's texts for the report's slots */
  fills?: Readonly<Record<string, string>>;
  scores?: ScorePolicy;
}

/**
 * A department's document with one score per project everywhere in it (core: documentScores): the
 * narrative, the 汇总表 and the attached forms all print the computed scores (default) or all the
 * claimed ones, and the document says which. Made from drafts or forms with errors, every page is
 * marked 草稿（未审核）.
 */
export function departmentDocument(kind: Exclude<DocumentKind, 'form'>, data: DepartmentData, opts: DepartmentDocumentOptions = {}): OfficialDocument {
  const department = departmentName(data);
  const source = opts.scores ?? 'computed';
  const scheme = data.scheme ?? getScheme(data.scores[0]?.schemeId ?? data.forms[0]?.schemeId ?? 'national');
  const scores = documentScores(data.scores, source);
  const summary = source === 'computed' ? data.summary : summaryWithScores(data.summary, scores, scheme);
  const input = { forms: data.forms, scores, summary, findings: data.findings, department, scoreSource: source, scorePlaces: scheme.decimals };
  const { mark } = documentStatus(
    data.forms.map((_, i) => i),
    data.findings,
    data.statuses,
  );
  const marked = (doc: OfficialDocument): OfficialDocument => (mark ? { ...doc, mark } : doc);
  if (kind === 'summary')
    return marked(
      summaryDocument(summary, { department, scoreSource: source, scorePlaces: scheme.decimals, ...(data.reviewed && { reviewed: data.reviewed }) }),
    );
  if (kind === 'report') return marked(reportDocument(overallReport(input), { ...(opts.fills && { fills: opts.fills }) }));
  const content = disclosureText(input, {
    ...(opts.projects && { projects: opts.projects }),
    ...(opts.projectSpending && { projectSpending: opts.projectSpending }),
  });
  const attachments = content.attachments.map((i) =>
    formDocument(data.forms[i]!, { scores: source, scheme: getScheme(data.scores[i]?.schemeId ?? scheme.id) }),
  );
  return marked(reportDocument(content, { ...(opts.fills && { fills: opts.fills }), attachments }));
}

/**
 * Refuses a format the document has none of — a workbook of prose — before any work is done: callers
 * check first, and renderDocument checks again for those that did not.
 */
export function checkFormat(kind: DocumentKind, format: DocumentFormat): void {
  if (format === 'xlsx' && (kind === 'report' || kind === 'disclosure'))
    throw new ExportError('EXPORT.FORMAT_UNSUPPORTED', '报告类文档只提供 .docx 和 .pdf 格式', { kind, format });
}

/** The document as bytes; .xlsx only for tables (forms, 汇总表), .pdf through the converter given. */
export async function renderDocument(doc: OfficialDocument, format: DocumentFormat, kind: DocumentKind, pdf?: PdfConverter): Promise<Uint8Array> {
  checkFormat(kind, format);
  if (format === 'xlsx') return renderXlsx([doc]);
  const docx = await renderDocx(doc);
  if (format === 'docx') return docx;
  if (!pdf) throw new ExportError('EXPORT.CONVERTER_MISSING', '未配置 PDF 转换（LibreOffice）');
  return pdf.convert(docx, 'docx');
}

/** A file name from a document's name: no path separators or characters Windows refuses. */
export function fileName(name: string, format: DocumentFormat): string {
  const safe =
    name
      .replace(/[\\/:*?"<>|\r\n\t]/g, '')
      .trim()
      .slice(0, 80) || 'document';
  return `${safe}.${format}`;
}
