/**
 * bench/import.ts — import of N .docx and N .xlsx forms (the LibreOffice-made seed fixtures, one
 * form each: the Xinjiang 综治工作经费 file holds two) against a baseline that only unzips each file and
 * parses its XML with the same libraries (fflate + fast-xml-parser for docx; exceljs's own load for
 * xlsx, which is its unzip + XML parse). Same process, same bytes. Goal (issue 4): ratio ≤ 2.
 * Usage: npx tsx bench/import.ts [N=1000] [rounds=3]
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { importBytes } from '@jixiao/office';
import { median, report, timeAsync, type Figure } from './measure.ts';

const n = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const dir = join(import.meta.dirname, '../fixtures/office');
const docx = new Uint8Array(readFileSync(join(dir, 'xinjiang-changji-zhengfawei-2021.docx')));
const xlsx = new Uint8Array(readFileSync(join(dir, 'xinjiang-changji-zhengfawei-2021.xlsx')));
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

let sink = 0;
const files = Math.ceil(n / 2); // two forms per file
const baseDocx = async () => {
  for (let i = 0; i < files; i++)
    sink += (parser.parse(new TextDecoder().decode(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!)) as unknown[])
      .length;
};
const fullDocx = async () => {
  for (let i = 0; i < files; i++) sink += (await importBytes(docx, 'f.docx')).evaluations.length;
};
const baseXlsx = async () => {
  for (let i = 0; i < files; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    sink += wb.worksheets.length;
  }
};
const fullXlsx = async () => {
  for (let i = 0; i < files; i++) sink += (await importBytes(xlsx, 'f.xlsx')).evaluations.length;
};
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
const figures: Figure[] = [];
for (const [name, base, full] of [
  ['docx', baseDocx, fullDocx],
  ['xlsx', baseXlsx, fullXlsx],
] as const) {
  await base();
  await full();
  const b: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < rounds; i++) {
    b.push(await timeAsync(base));
    f.push(await timeAsync(full));
  }
  const forms = files * 2;
  figures.push({
    what: `import ${forms} ${name} forms (vs unzip + XML)`,
    value: median(f),
    unit: 'ms',
    baseline: median(b),
    ratio: median(f) / median(b),
    goal: 'ratio ≤ 2',
    met: median(f) / median(b) <= 2,
  });
  console.log(
    `${name}: ${forms} forms; baseline unzip+XML ${median(b).toFixed(0)} ms; import ${median(f).toFixed(0)} ms (${((forms / median(f)) * 1000).toFixed(0)} forms/s); ratio ${(median(f) / median(b)).toFixed(2)} (goal ≤ 2)`,
  );
}
report('import', figures);
if (sink < 0) console.log(sink);
