/**
 * bench/export.ts — export N forms to .docx (the 19 seed forms in their four layouts, cycled):
 * scoring + layout + docx writing, against a baseline that builds the same tables (same cell texts and
 * merges, prepared beforehand) with the docx library alone and packs them. Same process, same forms.
 * Goal (issue 6): ratio ≤ 1.5. Then PDF pages/s through LibreOffice with 1 and 2 workers, and the time
 * of one form converted alone with a LibreOffice started ahead (the server) and without.
 * Usage: npx tsx bench/export.ts [N=1000] [rounds=3] [pdfForms=8]
 *        npx tsx bench/export.ts --set [forms=200] [workers=2] — a department's complete set as PDF in
 *        one .zip against LibreOffice alone (bench/export-set.ts, issue 22)
 */
if (process.argv[2] === '--set') {
  process.argv.splice(2, 1);
  await import('./export-set.ts');
  process.exit(0);
}
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import type { Evaluation } from '@jixiao/core';
import { formDocument, PdfConverter, renderDocx, type OfficialDocument } from '@jixiao/office';
import { median, report, timeAsync, type Figure } from './measure.ts';

const n = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const pdfForms = Number(process.argv[4] ?? 8);
const dir = join(import.meta.dirname, '../fixtures/golden');
const seeds: Evaluation[] = readdirSync(dir)
  .filter((f) => f.includes('.form-'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const forms = Array.from({ length: n }, (_, i) => seeds[i % seeds.length]!);
const prepared: OfficialDocument[] = forms.map((ev) => formDocument(ev));

let sink = 0;
/** The docx library alone: the same rows and merges, default styles, no widths or fonts. */
const baseline = async () => {
  for (const doc of prepared) {
    const children = doc.sections[0]!.blocks.map((b) =>
      b.kind === 'table'
        ? new Table({
            rows: b.table.rows.map(
              (r) =>
                new TableRow({
                  children: r.cells.map((c) => new TableCell({ columnSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1, children: [new Paragraph(c.text)] })),
                }),
            ),
          })
        : new Paragraph(b.kind === 'page-break' ? '' : b.text),
    );
    sink += (await Packer.toBuffer(new Document({ sections: [{ children }] }))).byteLength;
  }
};
const full = async () => {
  for (const ev of forms) sink += (await renderDocx(formDocument(ev))).byteLength;
};

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
await baseline();
await full();
const b: number[] = [];
const f: number[] = [];
for (let i = 0; i < rounds; i++) {
  b.push(await timeAsync(baseline));
  f.push(await timeAsync(full));
}
const figures: Figure[] = [
  {
    what: `export ${n} forms to docx (vs the docx library alone)`,
    value: median(f),
    unit: 'ms',
    baseline: median(b),
    ratio: median(f) / median(b),
    goal: 'ratio ≤ 1.5',
    met: median(f) / median(b) <= 1.5,
  },
];
console.log(
  `docx: ${n} forms; baseline docx library alone ${median(b).toFixed(0)} ms; export ${median(f).toFixed(0)} ms (${((n / median(f)) * 1000).toFixed(0)} forms/s); ratio ${(median(f) / median(b)).toFixed(2)} (goal ≤ 1.5)`,
);

// PDF: the first pdfForms forms, converted through the queue; pages counted in the PDFs themselves.
const docxs = await Promise.all(forms.slice(0, pdfForms).map((ev) => renderDocx(formDocument(ev))));
const pagesOf = (pdf: Uint8Array) => (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
for (const workers of docxs.length ? [1, 2] : []) {
  const conv = new PdfConverter({ workers });
  await conv.convert(docxs[0]!, 'docx'); // warm: each profile is created on first use
  if (workers === 2) await Promise.all([conv.convert(docxs[0]!, 'docx'), conv.convert(docxs[0]!, 'docx')]);
  let pages = 0;
  const runs0 = conv.runs;
  const ms = await timeAsync(async () => {
    for (const pdf of await Promise.all(docxs.map((d) => conv.convert(d, 'docx')))) pages += pagesOf(pdf);
  });
  const runs = conv.runs - runs0;
  await conv.close();
  figures.push({
    what: `pdf, ${workers} LibreOffice worker(s)`,
    value: (pages / ms) * 1000,
    unit: 'pages/s',
    baseline: null,
    ratio: null,
    goal: 'throughput',
    met: null,
  });
  console.log(
    `pdf: ${workers} worker(s), ${docxs.length} forms, ${pages} pages in ${ms.toFixed(0)} ms: ${((pages / ms) * 1000).toFixed(2)} pages/s, ${((docxs.length / ms) * 1000).toFixed(2)} forms/s, in ${runs} LibreOffice run(s)`,
  );
}
// One form downloaded alone, as a user does: with a LibreOffice started ahead and waiting (the server's
// keepWarm) against each run starting its own; a pause between downloads, as between a user's clicks.
if (docxs.length) {
  const single = async (keepWarm: boolean) => {
    const conv = new PdfConverter({ workers: 1, keepWarm });
    await conv.convert(docxs[0]!, 'docx'); // the profile made
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 3000));
      ms.push(await timeAsync(async () => void (await conv.convert(docxs[i % docxs.length]!, 'docx'))));
    }
    await conv.close();
    return median(ms);
  };
  const cold = await single(false);
  const warm = await single(true);
  figures.push({
    what: 'pdf, one form downloaded alone, median of 5 (LibreOffice waiting vs started per run)',
    value: warm,
    unit: 'ms',
    baseline: cold,
    ratio: warm / cold,
    goal: 'reported',
    met: null,
  });
  console.log(
    `pdf: one form alone ${warm.toFixed(0)} ms with a LibreOffice waiting (keepWarm), ${cold.toFixed(0)} ms starting one per run; ratio ${(warm / cold).toFixed(2)}`,
  );
}
report('export', figures);
if (sink < 0) console.log(sink);
