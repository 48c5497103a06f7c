/**
 * Regenerates the pictures of exported documents shown in the README (docs/images/export-*.png):
 * golden seed forms exported in their layouts, the Hebei 汇总表 and the 决算公开说明, converted to PDF by
 * LibreOffice and the first page rendered by pdftoppm. Needs soffice and poppler-utils.
 * Usage: npx tsx packages/office/scripts/render-images.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditForms, getScheme, summarizeDepartment, type Evaluation } from '@jixiao/core';
import { departmentDocument, formDocument, PdfConverter, renderDocument } from '../src/index.ts';

const root = join(import.meta.dirname, '../../..');
const golden = join(root, 'fixtures/golden');
const out = join(root, 'docs/images');
mkdirSync(out, { recursive: true });
const load = (f: string): Evaluation => JSON.parse(readFileSync(join(golden, f), 'utf8'));
const hebei = readdirSync(golden).filter((f) => f.startsWith('hebei') && f.includes('.form-')).sort().map(load);
const { scores, findings } = auditForms(hebei);
const data = { forms: hebei, scores, findings, summary: summarizeDepartment(hebei, scores, getScheme('hebei')) };

const pdf = new PdfConverter({ workers: 2 });
const work = mkdtempSync(join(tmpdir(), 'jixiao-images-'));
const jobs: Array<[string, Promise<Uint8Array>]> = [
  ['export-form-hebei', renderDocument(formDocument(hebei[2]!), 'pdf', 'form', pdf)],
  ['export-form-yunzhou', renderDocument(formDocument(load('shanxi-yunzhou-zhengfawei-2022.form-03.json')), 'pdf', 'form', pdf)],
  ['export-summary', renderDocument(departmentDocument('summary', data), 'pdf', 'summary', pdf)],
  ['export-disclosure', renderDocument(departmentDocument('disclosure', data), 'pdf', 'disclosure', pdf)],
];
for (const [name, job] of jobs) {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, await job);
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(work, name)]);
  copyFileSync(join(work, `${name}.png`), join(out, `${name}.png`)); // across file systems: copy, not rename
  process.stdout.write(`docs/images/${name}.png\n`);
}
await pdf.close();
