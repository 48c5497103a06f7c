/**
 * Makes fixtures/office/*.docx and *.xlsx with another program: each seed becomes an HTML document
 * (its paragraphs, and its tables with merged cells: vertical merges where a label spans the rows
 * below it, horizontal ones to square off shorter rows), which LibreOffice converts. The results are
 * committed; tests import them and expect the golden JSON. Needs `soffice` (libreoffice-writer-nogui,
 * libreoffice-calc-nogui). Run: npx tsx packages/office/scripts/make-office-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextGrid, type Block } from '../src/index.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function html(blocks: Block[]): string {
  const out: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') {
      out.push(`<p>${esc(b.text.replace(/\t+/g, ' '))}</p>`);
      i++;
      continue;
    }
    const rows: string[][] = [];
    while (i < blocks.length && blocks[i]!.kind === 'row') rows.push((blocks[i++] as Extract<Block, { kind: 'row' }>).cells.map((c) => c.text));
    out.push(table(rows));
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** One table; an empty cell under a label in the first three columns joins the label's vertical merge. */
function table(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const span = rows.map((r) => r.map(() => 1));
  const covered = rows.map((r) => r.map(() => false));
  for (let c = 0; c < 3; c++) {
    for (let r = 0; r < rows.length; r++) {
      if (covered[r]![c] || (rows[r]![c] ?? '').trim() === '' || rows[r]!.length !== width) continue;
      let k = r + 1;
      while (k < rows.length && rows[k]!.length === width && (rows[k]![c] ?? '').trim() === '' && !covered[k]![c]) k++;
      if (k - r > 1) {
        span[r]![c] = k - r;
        for (let j = r + 1; j < k; j++) covered[j]![c] = true;
      }
    }
  }
  const trs = rows.map((r, ri) => {
    const tds = r.map((text, ci) => {
      if (covered[ri]![ci]) return '';
      const colspan = ci === r.length - 1 && r.length < width ? ` colspan="${width - r.length + 1}"` : '';
      const rowspan = span[ri]![ci]! > 1 ? ` rowspan="${span[ri]![ci]}"` : '';
      // sdnum …;@ : the text format, so that Calc keeps `100.00` and `99.6%` as written instead of converting them to numbers
      return `<td${rowspan}${colspan} sdnum="2052;0;@">${esc(text)}</td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table border="1">\n${trs.join('\n')}\n</table>`;
}

const work = mkdtempSync(join(tmpdir(), 'jixiao-fixtures-'));
for (const f of readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt'))) {
  const base = f.replace(/\.txt$/, '');
  const doc = readTextGrid(readFileSync(join(root, 'seeds', f), 'utf8'), f);
  const htmlFile = join(work, `${base}.html`);
  writeFileSync(htmlFile, html(doc.blocks));
  const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
  execFileSync('soffice', [profile, '--headless', '--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, htmlFile], {
    stdio: 'inherit',
  });
  renameSync(join(work, `${base}.docx`), join(root, 'office', `${base}.docx`));
  renameSync(join(work, `${base}.xlsx`), join(root, 'office', `${base}.xlsx`));
}
console.log(`done; HTML kept in ${work}`);
