/** A goal form as .docx, .xlsx or .pdf (LibreOffice, through the converter's queue) in the national layout. */
import type { GoalForm } from '@jixiao/core';
import { ExportError } from '../errors.ts';
import type { PdfConverter } from '../export/pdf.ts';
import { renderDocx } from '../export/render-docx.ts';
import { renderXlsx } from '../export/render-xlsx.ts';
import { goalDocument } from './goal-layout.ts';

export async function renderGoalForm(form: GoalForm, format: 'docx' | 'xlsx' | 'pdf', pdf?: PdfConverter): Promise<Uint8Array> {
  const doc = goalDocument(form);
  if (format === 'xlsx') return renderXlsx([doc]);
  const docx = await renderDocx(doc);
  if (format === 'docx') return docx;
  if (!pdf) throw new ExportError('EXPORT.CONVERTER_MISSING', '未配置 PDF 转换（LibreOffice）');
  return pdf.convert(docx, 'docx');
}
