/**
 * bench/export-set.ts — a department's complete set in one download (issue 22): the 汇总表, the
 * 整体绩效自评工作报告, the 决算公开绩效情况说明 and every form, all as PDF in one .zip (departmentSet:
 * scoring, layout, .docx, the PDF queue, the zip), against LibreOffice alone converting the same .docx
 * files (made beforehand) in one soffice run with the same fonts. Both start with their LibreOffice
 * profiles made (a first conversion each, untimed). Goal: ratio ≤ 1.3.
 * Usage: npx tsx bench/export-set.ts [forms=200] [workers=2] — run from bench/export.ts as `--set`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditForms, getScheme, summarizeDepartment, type Evaluation } from '@jixiao/core';
import { departmentDocument, departmentSet, fontconfigXml, formDocument, PdfConverter, renderDocx } from '@jixiao/office';
import { report, timeAsync, type Figure } from './measure.ts';

const n = Number(process.argv[2] ?? 200);
const workers = Number(process.argv[3] ?? 2);
const dir = join(import.meta.dirname, '../fixtures/golden');
const seeds: Evaluation[] = readdirSync(dir)
  .filter((f) => f.includes('.form-'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
// one department of n forms: the seeds cycled, each a project of its own name
const forms = Array.from({ length: n }, (_, i) => {
  const ev = structuredClone(seeds[i % seeds.length]!);
  ev.project.name.raw = `${ev.project.name.raw}（${Math.floor(i / seeds.length) + 1}）`;
  return ev;
});
// one scheme for the department's 汇总表: the national one, as a county's departments share one
const scheme = getScheme('national');
const { scores, findings } = auditForms(forms);
const data = { forms, scores, findings, summary: summarizeDepartment(forms, scores, scheme), scheme };
const zipForms = forms.map((evaluation, i) => ({ evaluation, seq: i + 1, scheme: getScheme(evaluation.schemeId) }));

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);

// The baseline's input: the same documents as .docx, written beforehand (not timed).
const work = mkdtempSync(join(tmpdir(), 'jixiao-set-'));
const inputs = join(work, 'in');
mkdirSync(inputs);
const docs = [...(['summary', 'report', 'disclosure'] as const).map((k) => departmentDocument(k, data)), ...forms.map((ev) => formDocument(ev))];
await Promise.all(docs.map(async (d, i) => writeFileSync(join(inputs, `${String(i).padStart(4, '0')}.docx`), await renderDocx(d))));
writeFileSync(join(work, 'fonts.conf'), fontconfigXml());
const run = promisify(execFile);
const soffice = (files: string[], out: string) =>
  run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], {
    env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') },
    timeout: 30 * 60_000,
    maxBuffer: 64 << 20,
  });
const files = readdirSync(inputs).map((f) => join(inputs, f));
await soffice([files[0]!], join(work, 'warm')); // the profile made, untimed
const baseline = await timeAsync(async () => void (await soffice(files, join(work, 'out'))));
const pdfs = readdirSync(join(work, 'out')).length;

const conv = new PdfConverter({ workers });
await Promise.all(Array.from({ length: workers }, () => conv.convert(readFileSync(files[0]!), 'docx'))); // profiles made, untimed
let bytes = 0;
let last = '';
const ours = await timeAsync(async () => {
  const set = await departmentSet(data, zipForms, { format: 'pdf', pdf: conv, onProgress: (d, t) => (last = `${d}/${t}`) });
  bytes = set.bytes.byteLength;
});
const runs = conv.runs;
await conv.close();

const ratio = ours / baseline;
console.log(
  `set: ${n} forms + 汇总表 + report + disclosure = ${docs.length} PDFs in one .zip (${(bytes / 2 ** 20).toFixed(1)} MiB, progress ${last}) in ${ours.toFixed(0)} ms with ${workers} worker(s), ${runs} LibreOffice runs`,
);
console.log(`baseline: soffice alone converting the same ${files.length} .docx in one run: ${baseline.toFixed(0)} ms (${pdfs} PDFs)`);
console.log(`ratio ${ratio.toFixed(2)} (goal ≤ 1.3)`);
const figures: Figure[] = [
  {
    what: `complete set of ${n} forms as PDF in one .zip (vs soffice alone on the same .docx)`,
    value: ours,
    unit: 'ms',
    baseline,
    ratio,
    goal: 'ratio ≤ 1.3',
    met: ratio <= 1.3,
  },
];
report('export-set', figures);
