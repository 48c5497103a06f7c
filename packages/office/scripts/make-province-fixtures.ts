/**
 * Makes fixtures/provinces/*.{docx,xlsx,pdf}: project self-evaluation forms published by units in
 * provinces other than the seeds' (sources in fixtures/provinces/README.md), rebuilt from their
 * published text with its values, header texts, column order and — as far as the text shows them —
 * merged cells. Each form is written in province-forms/<file>.ts as an HTML table (rowspan/colspan as published), which
 * LibreOffice turns into .docx and .xlsx (another program than this project's writers), and the .docx
 * into .pdf; Chromium prints it as `.browser.pdf` (a second PDF writer). The expected values are written by hand beside them (*.expected.json), from the sources,
 * not from these files. Needs `soffice` and Chromium (`CHROMIUM`, default /usr/bin/chromium). Run: npx tsx packages/office/scripts/make-province-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { C, Form } from './province-forms/form.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function html(f: Form): string {
  const td = (c: C) => {
    const { t, rs, cs } = typeof c === 'string' ? { t: c } : c;
    // sdnum …;@ : the text format, so that Calc keeps `100.00%` and `387664.62` as written
    return `<td${rs ? ` rowspan="${rs}"` : ''}${cs ? ` colspan="${cs}"` : ''} sdnum="2052;0;@">${esc(t)}</td>`;
  };
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
    ...f.before.map((p) => `<p>${esc(p)}</p>`),
    // the page's width: LibreOffice otherwise sizes the table to its text and lets it run off the page
    `<table border="1" width="100%" cellpadding="2">\n${f.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}\n</table>`,
    ...(f.after ?? []).map((p) => `<p>${esc(p)}</p>`),
    '</body></html>',
  ].join('\n');
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const root = join(import.meta.dirname, '../../../fixtures/provinces');
mkdirSync(root, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jixiao-provinces-'));
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
// `npx tsx make-province-fixtures.ts <file> …` remakes only those forms (the others' bytes stay as they are)
// one form per file in province-forms/ (form.ts holds their types): a new form is a new file there
const formsDir = join(import.meta.dirname, 'province-forms');
const ALL: Form[] = [];
for (const name of readdirSync(formsDir)
  .filter((n) => n.endsWith('.ts') && n !== 'form.ts')
  .sort()) {
  ALL.push(((await import(join(formsDir, name))) as { default: Form }).default);
}
const only = process.argv.slice(2);
for (const f of only.length ? ALL.filter((x) => only.includes(x.file)) : ALL) {
  const htmlFile = join(work, `${f.file}.html`);
  writeFileSync(htmlFile, html(f));
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
  execFileSync('soffice', [profile, '--headless', '--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, htmlFile], {
    stdio: 'inherit',
  });
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${f.file}.docx`)], { stdio: 'inherit' });
  for (const ext of ['docx', 'xlsx', 'pdf']) renameSync(join(work, `${f.file}.${ext}`), join(root, `${f.file}.${ext}`));
  // the same table printed by a browser: another PDF writer (Skia), each cell boxed on its own, the
  // radicals of its CJK fonts mapped to the Kangxi block
  execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(root, `${f.file}.browser.pdf`)}`, `file://${htmlFile}`],
    { stdio: 'ignore' },
  );
}
console.log(`done; HTML kept in ${work}`);
