/**
 * Regenerates the pictures of exported documents shown in the README (docs/images/export-*.png): every
 * document of one seed department (Shanxi 云州区政法委, the department of issue 22) — a form as .docx and
 * as .xlsx, the 汇总表, the 整体绩效自评工作报告 and the 决算公开绩效情况说明 — converted to PDF by
 * LibreOffice and rendered by pdftoppm, as the render test (test/export-render.test.ts) measures them.
 * Its forms still have errors, so every page carries the 草稿（未审核） mark. Needs soffice and poppler-utils.
 * Usage: npx tsx packages/office/scripts/render-images.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditForms, documentStatus, getScheme, summarizeDepartment, type Evaluation } from '@jixiao/core';
import { departmentDocument, formDocument, PdfConverter, renderDocument, renderXlsx } from '../src/index.ts';

const root = join(import.meta.dirname, '../../..');
const golden = join(root, 'fixtures/golden');
const out = join(root, 'docs/images');
mkdirSync(out, { recursive: true });
const forms = readdirSync(golden)
  .filter((f) => f.startsWith('shanxi') && f.includes('.form-'))
  .sort()
  .map((f): Evaluation => JSON.parse(readFileSync(join(golden, f), 'utf8')));
const { scores, findings } = auditForms(forms);
const data = { forms, scores, findings, summary: summarizeDepartment(forms, scores, getScheme(forms[0]!.schemeId)) };
const mark = documentStatus([0], findings).mark;
const form = { ...formDocument(forms[0]!), ...(mark && { mark }) };

const pdf = new PdfConverter({ workers: 2 });
const work = mkdtempSync(join(tmpdir(), 'jixiao-images-'));
// [file name, the PDF, the page shown]
const jobs: Array<[string, Promise<Uint8Array>, number]> = [
  ['export-form-docx', renderDocument(form, 'pdf', 'form', pdf), 1],
  ['export-form-xlsx', renderXlsx([form]).then((x) => pdf.convert(x, 'xlsx')), 2], // page 2: headed by the title and 项目名称 (print titles)
  ['export-summary', renderDocument(departmentDocument('summary', data), 'pdf', 'summary', pdf), 1],
  ['export-report', renderDocument(departmentDocument('report', data), 'pdf', 'report', pdf), 1],
  ['export-disclosure', renderDocument(departmentDocument('disclosure', data), 'pdf', 'disclosure', pdf), 2],
];
for (const [name, job, page] of jobs) {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, await job);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, join(work, name)]);
  copyFileSync(join(work, `${name}.png`), join(out, `${name}.png`)); // across file systems: copy, not rename
  process.stdout.write(`docs/images/${name}.png\n`);
}
await pdf.close();
